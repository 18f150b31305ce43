import HandoffRailModels

/// The semantics of one comparison, `variable op value`, as documented on
/// `HandoffRuleComparison` in the spec. Pure and total: every input gives true or false.
///
/// - `ne` and `not_in` are always the negations of `eq` and `in`, so `approved ne true` also
///   holds when `approved` is absent — a blocking rule written that way blocks until the flag
///   is actually set.
/// - Otherwise an absent (or `null`) variable makes every operator false except `exists`.
/// - `eq`: JSON equality, numbers numerically and exactly (`1 == 1.0`), arrays and objects
///   deeply (`JSONEquality`, the validator's rule).
/// - `lt`/`le`/`gt`/`ge`: two numbers; two strings by Unicode code points; for
///   `metadata.priority` by rank (low < normal < high < critical). Other pairs: false.
/// - `in` / `not_in`: the value is an array; the variable equals one / none of its elements.
/// - `contains`: array variable has an element `eq` the value; string variable contains the
///   string value; object variable has the string value as a key. Otherwise false.
/// - `exists`: the value (`true` when absent) says whether the variable must be present.
///
/// ```swift
/// RuleComparisonEvaluator.holds(.gt, actual: .integer(5), expected: .number(4.5), priorityOrder: false)   // true
/// ```
enum RuleComparisonEvaluator {
    static func holds(_ op: HandoffRuleComparisonOp, actual: JSONValue?, expected: JSONValue?, priorityOrder: Bool) -> Bool {
        if op == .exists {
            let wanted: Bool
            if case .bool(let flag)? = expected { wanted = flag } else { wanted = true }
            return (actual != nil) == wanted
        }
        guard let actual, let expected else {
            switch op {
            case .ne: return true
            case .notIn: if case .array? = expected { return true } else { return false }
            default: return false
            }
        }
        switch op {
        case .eq: return JSONEquality.equal(actual, expected)
        case .ne: return !JSONEquality.equal(actual, expected)
        case .lt: return order(actual, expected, priorityOrder: priorityOrder).map { $0 < 0 } ?? false
        case .le: return order(actual, expected, priorityOrder: priorityOrder).map { $0 <= 0 } ?? false
        case .gt: return order(actual, expected, priorityOrder: priorityOrder).map { $0 > 0 } ?? false
        case .ge: return order(actual, expected, priorityOrder: priorityOrder).map { $0 >= 0 } ?? false
        case .in:
            guard case .array(let options) = expected else { return false }
            return options.contains { JSONEquality.equal(actual, $0) }
        case .notIn:
            guard case .array(let options) = expected else { return false }
            return !options.contains { JSONEquality.equal(actual, $0) }
        case .contains: return contains(actual, expected)
        case .exists, .undocumented: return false
        }
    }

    /// -1, 0, 1 for comparable values; nil when the pair has no order.
    static func order(_ lhs: JSONValue, _ rhs: JSONValue, priorityOrder: Bool) -> Int? {
        if let numeric = JSONNumber.compare(lhs, rhs) { return numeric }
        guard case .string(let a) = lhs, case .string(let b) = rhs else { return nil }
        if priorityOrder {
            guard let rankA = priorityRank[a], let rankB = priorityRank[b] else { return nil }
            return rankA < rankB ? -1 : (rankA == rankB ? 0 : 1)
        }
        if a.unicodeScalars.elementsEqual(b.unicodeScalars) { return 0 }
        return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value } ? -1 : 1
    }

    static let priorityRank: [String: Int] = ["low": 0, "normal": 1, "high": 2, "critical": 3]

    private static func contains(_ actual: JSONValue, _ expected: JSONValue) -> Bool {
        switch (actual, expected) {
        case (.array(let elements), _): return elements.contains { JSONEquality.equal($0, expected) }
        case (.string(let text), .string(let part)): return containsScalars(Array(text.unicodeScalars), Array(part.unicodeScalars))
        case (.object(let members), .string(let key)): return members[key] != nil
        default: return false
        }
    }

    /// Substring search on Unicode scalars (no canonical-equivalence folding, like `eq`).
    private static func containsScalars(_ text: [Unicode.Scalar], _ part: [Unicode.Scalar]) -> Bool {
        guard !part.isEmpty else { return true }
        guard part.count <= text.count else { return false }
        return (0...(text.count - part.count)).contains { start in text[start..<(start + part.count)].elementsEqual(part) }
    }
}
