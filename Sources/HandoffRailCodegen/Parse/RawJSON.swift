import Yams

/// The spec as a plain JSON tree that keeps the author's key order.
///
/// OpenAPIKit gives the validated, typed view of the spec; schemas that are copied into
/// generated code verbatim (the validator bundle, tool input schemas) come from this tree
/// instead, so nothing is lost or reordered by a decode/encode round trip.
package indirect enum RawJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([RawJSON])
    /// Members in source order.
    case object([(key: String, value: RawJSON)])

    package static func == (lhs: RawJSON, rhs: RawJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    package func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let v): hasher.combine(v)
        case .integer(let v): hasher.combine(v)
        case .number(let v): hasher.combine(v)
        case .string(let v): hasher.combine(v)
        case .array(let v): hasher.combine(v)
        case .object(let members):
            for member in members {
                hasher.combine(member.key)
                hasher.combine(member.value)
            }
        }
    }

    /// The member `key` of an object.
    package subscript(key: String) -> RawJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The value at a pointer below this one.
    package func value(at pointer: JSONPointer) -> RawJSON? {
        var current: RawJSON? = self
        for token in pointer.tokens {
            switch current {
            case .object: current = current?[token]
            case .array(let items): current = Int(token).flatMap { items.indices.contains($0) ? items[$0] : nil }
            default: return nil
            }
        }
        return current
    }

    package var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    package var members: [(key: String, value: RawJSON)] {
        if case .object(let members) = self { return members }
        return []
    }

    /// A copy with the member `key` replaced (or appended when absent).
    package func setting(_ key: String, to value: RawJSON) -> RawJSON {
        guard case .object(var members) = self else { return self }
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append((key, value))
        }
        return .object(members)
    }

    /// A copy without the member `key`.
    package func removing(_ key: String) -> RawJSON {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { $0.key != key })
    }
}

extension RawJSON {
    /// Converts a composed YAML node, failing with a diagnostic message on YAML the JSON data model cannot hold.
    package init(yaml node: Node, at pointer: JSONPointer = JSONPointer()) throws(RawJSONConversionError) {
        switch node {
        case .scalar(let scalar):
            self = Self.scalar(scalar)
        case .sequence(let sequence):
            var items: [RawJSON] = []
            for (index, element) in sequence.enumerated() {
                items.append(try RawJSON(yaml: element, at: pointer.appending(String(index))))
            }
            self = .array(items)
        case .mapping(let mapping):
            var members: [(key: String, value: RawJSON)] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw RawJSONConversionError(message: "mapping keys must be strings", pointer: pointer)
                }
                members.append((keyScalar.string, try RawJSON(yaml: value, at: pointer.appending(keyScalar.string))))
            }
            self = .object(members)
        case .alias:
            throw RawJSONConversionError(message: "YAML aliases are not supported; repeat the value or use $ref", pointer: pointer)
        }
    }

    private static func scalar(_ scalar: Node.Scalar) -> RawJSON {
        // Quoted scalars are always strings; plain ones follow YAML 1.2's JSON-compatible core schema.
        if scalar.style != .plain { return .string(scalar.string) }
        let text = scalar.string
        switch text {
        case "null", "Null", "NULL", "~", "": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let integer = Int(text) { return .integer(integer) }
        if text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true, let double = Double(text) {
            return .number(double)
        }
        return .string(text)
    }
}

/// A YAML construct that has no JSON equivalent.
package struct RawJSONConversionError: Error, Sendable {
    package var message: String
    package var pointer: JSONPointer
}
