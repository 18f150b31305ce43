import Foundation

/// The JSON types named by `type`, as a bit set so a check is one mask test.
///
/// ```swift
/// let mask: JSONTypeMask = [.string, .null]   // {"type": ["string", "null"]}
/// mask.admits(.null)                       // true
/// ```
struct JSONTypeMask: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let null = JSONTypeMask(rawValue: 1)
    static let boolean = JSONTypeMask(rawValue: 2)
    static let object = JSONTypeMask(rawValue: 4)
    static let array = JSONTypeMask(rawValue: 8)
    static let string = JSONTypeMask(rawValue: 16)
    static let number = JSONTypeMask(rawValue: 32)
    static let integer = JSONTypeMask(rawValue: 64)
    static let all: JSONTypeMask = [.null, .boolean, .object, .array, .string, .number, .integer]

    /// The mask for a `type` name, or `nil` for an unknown name.
    init?(name: String) {
        switch name {
        case "null": self = .null
        case "boolean": self = .boolean
        case "object": self = .object
        case "array": self = .array
        case "string": self = .string
        case "number": self = .number
        case "integer": self = .integer
        default: return nil
        }
    }

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Whether `value` has one of the types (integers are numbers; `1.0` is an integer).
    @inline(__always)
    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .object: return contains(.object)
        case .array: return contains(.array)
        case .string: return contains(.string)
        case .integer: return !isDisjoint(with: [.integer, .number])
        case .number: return contains(.number) || (contains(.integer) && JSONNumber.isIntegral(value))
        }
    }
}
