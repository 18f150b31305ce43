import Foundation

/// JSON Schema equality and number ordering for `JSONValue`.
///
/// `JSONValue`'s synthesised `==` keeps `.integer(1)` and `.number(1.0)` apart, which is
/// right for round-tripping but wrong for `enum`, `const` and `uniqueItems`, where JSON
/// Schema compares mathematical values (`1 == 1.0`). Strings compare by Unicode scalars
/// (as Python does), not by Swift's canonical equivalence.
///
/// ```swift
/// JSONEquality.equal(.integer(1), .number(1.0))   // true
/// ```
package enum JSONEquality {
    package static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.integer, .number), (.number, .integer): return JSONNumber.compare(lhs, rhs) == 0
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for index in a.indices where !equal(a[index], b[index]) { return false }
            return true
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let other = b[key], equal(value, other) else { return false }
            }
            return true
        default: return false
        }
    }

    /// Whether all elements are pairwise distinct; pairwise for short arrays, hashing otherwise.
    package static func allUnique(_ elements: [JSONValue]) -> Bool {
        if elements.count < 2 { return true }
        if elements.count <= 12 {
            for i in 0..<elements.count {
                for j in (i + 1)..<elements.count where equal(elements[i], elements[j]) { return false }
            }
            return true
        }
        var seen = Set<CanonicalJSON>(minimumCapacity: elements.count)
        for element in elements where !seen.insert(CanonicalJSON(value: element)).inserted { return false }
        return true
    }
}

/// A hashable wrapper whose equality is `JSONEquality.equal` (so `1` and `1.0` collide),
/// used by `uniqueItems` on long arrays.
///
/// ```swift
/// Set([CanonicalJSON(value: 1), CanonicalJSON(value: 1.0)]).count   // 1
/// ```
struct CanonicalJSON: Hashable {
    let value: JSONValue

    static func == (lhs: CanonicalJSON, rhs: CanonicalJSON) -> Bool { JSONEquality.equal(lhs.value, rhs.value) }

    func hash(into hasher: inout Hasher) { Self.hash(value, into: &hasher) }

    private static func hash(_ value: JSONValue, into hasher: inout Hasher) {
        switch value {
        case .null: hasher.combine(0 as UInt8)
        case .bool(let flag): hasher.combine(1 as UInt8); hasher.combine(flag)
        case .integer(let integer): hasher.combine(2 as UInt8); hasher.combine(integer)
        case .number(let double):
            if double.rounded(.towardZero) == double, double >= -9.223372036854775808e18, double < 9.223372036854775808e18 {
                hasher.combine(2 as UInt8); hasher.combine(Int(double))
            } else {
                hasher.combine(3 as UInt8); hasher.combine(double)
            }
        case .string(let string): hasher.combine(4 as UInt8); hasher.combine(string)
        case .array(let elements):
            hasher.combine(5 as UInt8)
            hasher.combine(elements.count)
            for element in elements { hash(element, into: &hasher) }
        case .object(let members):
            hasher.combine(6 as UInt8)
            var combined = 0
            for (key, member) in members {
                var inner = Hasher()
                inner.combine(key)
                hash(member, into: &inner)
                combined ^= inner.finalize()  // order-independent
            }
            hasher.combine(combined)
        }
    }
}
