/// Pretty JSON text of the raw tree: two-space indentation, source key order, so embedded
/// schemas read like the spec and diff cleanly.
extension RawJSON {
    package func renderedJSON(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number):
            return number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) + ".0" : String(number)
        case .string(let text): return Self.escapedJSONString(text)
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy(\.isScalar) {
                return "[" + items.map { $0.renderedJSON() }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { inner + $0.renderedJSON(indent: indent + 1) }.joined(separator: ",\n") + "\n" + pad + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n"
                + members.map { inner + Self.escapedJSONString($0.key) + ": " + $0.value.renderedJSON(indent: indent + 1) }
                    .joined(separator: ",\n")
                + "\n" + pad + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    static func escapedJSONString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A copy with every `$ref` to `#/components/schemas/X` pointing at `prefix + X` instead.
    package func rewritingSchemaReferences(to prefix: String) -> RawJSON {
        switch self {
        case .array(let items):
            return .array(items.map { $0.rewritingSchemaReferences(to: prefix) })
        case .object(let members):
            return .object(members.map { member in
                if member.key == "$ref", case .string(let target) = member.value, target.hasPrefix(Self.componentSchemaPrefix) {
                    return (member.key, .string(prefix + target.dropFirst(Self.componentSchemaPrefix.count)))
                }
                return (member.key, member.value.rewritingSchemaReferences(to: prefix))
            })
        default:
            return self
        }
    }

    static let componentSchemaPrefix = "#/components/schemas/"
}
