import Foundation

/// In-place applicators: subschemas applied to the same instance (`$ref`, `allOf`, `anyOf`,
/// `oneOf`, `not`, `if`/`then`/`else`, `$dynamicRef`).
extension SchemaEvaluator {
    mutating func checkAllOf(_ members: [Int32], _ instance: JSONValue, _ annotations: inout SchemaAnnotations, _ collect: Bool) -> Bool {
        var valid = true
        for member in members where !evaluate(member, instance, &annotations, collect) {
            if !collecting { return false }
            valid = false
        }
        return valid
    }

    /// Trial-evaluates the alternatives (all of them when annotations are needed); details only on failure.
    mutating func checkAnyOf(_ members: [Int32], _ instance: JSONValue, _ annotations: inout SchemaAnnotations, _ collect: Bool) -> Bool {
        var matched = false
        for member in members {
            var local = SchemaAnnotations()
            if trial(member, instance, &local, collect) {
                matched = true
                if !collect { break }
                annotations.merge(local)
            }
        }
        if !matched && collecting { reportUnion(members, instance, keyword: "anyOf", collect) }
        return matched
    }

    mutating func checkOneOf(_ members: [Int32], _ instance: JSONValue, _ annotations: inout SchemaAnnotations, _ collect: Bool) -> Bool {
        var firstMatch = -1
        var matchCount = 0
        var matchedAnnotations = SchemaAnnotations()
        for (offset, member) in members.enumerated() {
            var local = SchemaAnnotations()
            if trial(member, instance, &local, collect) {
                matchCount += 1
                if matchCount == 1 {
                    firstMatch = offset
                    matchedAnnotations = local
                } else if !collecting {
                    return false
                }
            }
        }
        if matchCount == 1 {
            if collect { annotations.merge(matchedAnnotations) }
            return true
        }
        if collecting {
            if matchCount == 0 {
                reportUnion(members, instance, keyword: "oneOf", collect)
            } else {
                reportMultipleMatches(members, instance, firstMatch: firstMatch)
            }
        }
        return false
    }

    mutating func checkNot(_ node: Int32, _ instance: JSONValue) -> Bool {
        var scratch = SchemaAnnotations()
        if !trial(node, instance, &scratch, false) { return true }
        if collecting { report("not_allowed", "Input should not match the schema in 'not'", instance) }
        return false
    }

    /// `if` is a trial; its annotations count when it passes. `then`/`else` report directly.
    mutating func checkConditional(_ condition: Int32, then thenNode: Int32?, else elseNode: Int32?, _ instance: JSONValue,
                                   _ annotations: inout SchemaAnnotations, _ collect: Bool) -> Bool {
        if thenNode == nil && elseNode == nil && !collect { return true }
        var local = SchemaAnnotations()
        if trial(condition, instance, &local, collect) {
            if collect { annotations.merge(local) }
            guard let thenNode else { return true }
            return evaluate(thenNode, instance, &annotations, collect)
        }
        guard let elseNode else { return true }
        return evaluate(elseNode, instance, &annotations, collect)
    }

    /// The outermost resource in the dynamic scope that declares `$dynamicAnchor: anchor`, else the static target.
    func dynamicTarget(_ anchor: String, _ fallback: Int32) -> Int32 {
        for resource in scope {
            if let node = program.dynamicAnchors[Int(resource)][anchor] { return node }
        }
        return fallback
    }

    // MARK: - Union failures

    /// When no alternative matched: report the issues of the one alternative the instance was
    /// evidently meant for (the only one whose types and `const` discriminators fit; for a
    /// nullable, the non-null one), else a single `union_no_match`.
    @inline(never)
    private mutating func reportUnion(_ members: [Int32], _ instance: JSONValue, keyword: String, _ collect: Bool) {
        let candidates = members.filter { fits(nodes[Int($0)], instance) }
        var chosen: Int32? = candidates.count == 1 ? candidates[0] : nil
        if candidates.isEmpty {
            let nonNull = members.filter { nodes[Int($0)].typeHint != .null }
            if nonNull.count == 1 { chosen = nonNull[0] }
        }
        let before = issues.count
        if let chosen {
            var scratch = SchemaAnnotations()
            _ = evaluate(chosen, instance, &scratch, collect)
        }
        if issues.count == before {
            report("union_no_match", "Input should match at least one of the allowed schemas (\(keyword))", instance,
                   ctx: ["alternatives": .integer(members.count)])
        }
    }

    private func fits(_ node: SchemaNode, _ instance: JSONValue) -> Bool {
        guard node.typeHint.admits(instance) else { return false }
        if case .object(let members) = instance {
            for (name, value) in node.constProperties {
                if let actual = members[name], !JSONEquality.equal(actual, value) { return false }
            }
        }
        return true
    }

    @inline(never)
    private mutating func reportMultipleMatches(_ members: [Int32], _ instance: JSONValue, firstMatch: Int) {
        var matches: [JSONValue] = []
        for offset in firstMatch..<members.count {
            var scratch = SchemaAnnotations()
            if trial(members[offset], instance, &scratch, false) { matches.append(.integer(offset)) }
        }
        report("union_multiple_matches", "Input should match exactly one of the allowed schemas, but it matches \(matches.count)",
               instance, ctx: ["matches": .array(matches)])
    }
}
