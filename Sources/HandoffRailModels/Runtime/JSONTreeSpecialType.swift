import Foundation

/// The types `JSONValueEncoder` and `JSONValueDecoder` handle without running their
/// `Codable` conformance: `JSONValue` and its containers (taken as they are), the common
/// scalars and `[String]` (no stack frame), and the Foundation types that get a JSON form of their own.
///
/// ```swift
/// JSONTreeSpecialType(Date.self)     // .date
/// JSONTreeSpecialType(Packet.self)   // .none
/// ```
enum JSONTreeSpecialType {
    case none, jsonValue, string, int, bool, double, object, array, strings, float, date, url, data, decimal

    /// Identities of the generic types, looked up once: `T.self == [String: JSONValue].self`
    /// would ask the runtime for that generic metadata on every member (a sixth of the time
    /// it takes to decode a packet).
    private static let objectType = ObjectIdentifier([String: JSONValue].self)
    private static let arrayType = ObjectIdentifier([JSONValue].self)
    private static let stringsType = ObjectIdentifier([String].self)

    init(_ type: Any.Type) {
        let identity = ObjectIdentifier(type)
        switch identity {
        case ObjectIdentifier(JSONValue.self): self = .jsonValue
        case ObjectIdentifier(String.self): self = .string
        case ObjectIdentifier(Int.self): self = .int
        case ObjectIdentifier(Bool.self): self = .bool
        case ObjectIdentifier(Double.self): self = .double
        case Self.objectType: self = .object
        case Self.arrayType: self = .array
        case Self.stringsType: self = .strings
        case ObjectIdentifier(Float.self): self = .float
        case ObjectIdentifier(Date.self): self = .date
        case ObjectIdentifier(URL.self): self = .url
        case ObjectIdentifier(Data.self): self = .data
        case ObjectIdentifier(Decimal.self): self = .decimal
        default: self = .none
        }
    }
}
