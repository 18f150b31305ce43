/// A Swift type as generated code uses it, with what it takes to put it on the wire.
///
/// `Date` and `UUID` travel through small wire wrappers (`WireDate`, `WireUUID` in the
/// models runtime) so that dates are RFC 3339 with or without fractional seconds and UUIDs
/// are lowercase, whatever `JSONDecoder`/`JSONEncoder` strategy the caller configured.
package indirect enum TypeUsage: Sendable, Hashable {
    /// A generated type, possibly nested (`Artifact.Value`).
    case named(String)
    case string, integer, number, boolean, uuid, date, json
    case array(TypeUsage)
    case dictionary(TypeUsage)

    /// The Swift spelling.
    package var swift: String {
        switch self {
        case .named(let name): return name
        case .string: return "String"
        case .integer: return "Int"
        case .number: return "Double"
        case .boolean: return "Bool"
        case .uuid: return "UUID"
        case .date: return "Date"
        case .json: return "JSONValue"
        case .array(let element): return "[\(element.swift)]"
        case .dictionary(let value): return "[String: \(value.swift)]"
        }
    }

    /// Whether encoding needs a wire wrapper somewhere inside.
    var needsWireWrapper: Bool {
        switch self {
        case .uuid, .date: return true
        case .array(let element), .dictionary(let element): return element.needsWireWrapper
        default: return false
        }
    }

    /// The type that is actually decoded/encoded.
    var wireSwift: String {
        switch self {
        case .uuid: return "WireUUID"
        case .date: return "WireDate"
        case .array(let element): return "[\(element.wireSwift)]"
        case .dictionary(let value): return "[String: \(value.wireSwift)]"
        default: return swift
        }
    }

    /// Expression converting the decoded wire value `expression` into the Swift value.
    func fromWire(_ expression: String) -> String {
        switch self {
        case .uuid: return "\(expression).uuid"
        case .date: return "\(expression).date"
        case .array(let element) where element.needsWireWrapper:
            return "\(expression).map { \(element.fromWire("$0")) }"
        case .dictionary(let value) where value.needsWireWrapper:
            return "\(expression).mapValues { \(value.fromWire("$0")) }"
        default: return expression
        }
    }

    /// Expression converting the Swift value `expression` into its wire value.
    func toWire(_ expression: String) -> String {
        switch self {
        case .uuid: return "WireUUID(\(expression))"
        case .date: return "WireDate(\(expression))"
        case .array(let element) where element.needsWireWrapper:
            return "\(expression).map { \(element.toWire("$0")) }"
        case .dictionary(let value) where value.needsWireWrapper:
            return "\(expression).mapValues { \(value.toWire("$0")) }"
        default: return expression
        }
    }
}
