import Foundation

/// A value that travels as a path, query or header parameter string.
///
/// Both sides use it: the client to write parameters, the server to read them and to build
/// the JSON value that the parameter's schema validates.
public protocol WireStringConvertible: Sendable {
    /// Parses a parameter string; `nil` when it is not a value of this type.
    init?(wireString: String)
    /// The parameter string.
    var wireString: String { get }
    /// The value as JSON, for schema validation.
    var wireJSON: JSONValue { get }
    /// The pydantic error type and message for a string that does not parse.
    static var wireParsingIssue: (type: String, message: String) { get }
}

extension WireStringConvertible {
    public var wireJSON: JSONValue { .string(wireString) }
    public static var wireParsingIssue: (type: String, message: String) { ("string_type", "Input should be a valid string") }
}

extension WireStringConvertible where Self: RawRepresentable, RawValue == String {
    public init?(wireString: String) { self.init(rawValue: wireString) }
    public var wireString: String { rawValue }
}

extension String: WireStringConvertible {
    public init?(wireString: String) { self = wireString }
    public var wireString: String { self }
}

extension Int: WireStringConvertible {
    public init?(wireString: String) {
        guard let value = Int(wireString.trimmingCharacters(in: .whitespaces)) else { return nil }
        self = value
    }
    public var wireString: String { String(self) }
    public var wireJSON: JSONValue { .integer(self) }
    public static var wireParsingIssue: (type: String, message: String) {
        ("int_parsing", "Input should be a valid integer, unable to parse string as an integer")
    }
}

extension Double: WireStringConvertible {
    public init?(wireString: String) {
        guard let value = Double(wireString.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        self = value
    }
    public var wireString: String { String(self) }
    public var wireJSON: JSONValue { .number(self) }
    public static var wireParsingIssue: (type: String, message: String) {
        ("float_parsing", "Input should be a valid number, unable to parse string as a number")
    }
}

extension Bool: WireStringConvertible {
    /// Accepts what pydantic accepts: true/false, 1/0, yes/no, on/off, t/f, y/n (any case).
    public init?(wireString: String) {
        switch wireString.lowercased() {
        case "true", "1", "yes", "on", "t", "y": self = true
        case "false", "0", "no", "off", "f", "n": self = false
        default: return nil
        }
    }
    public var wireString: String { self ? "true" : "false" }
    public var wireJSON: JSONValue { .bool(self) }
    public static var wireParsingIssue: (type: String, message: String) {
        ("bool_parsing", "Input should be a valid boolean, unable to interpret input")
    }
}

extension UUID: WireStringConvertible {
    public init?(wireString: String) { self.init(uuidString: wireString) }
    public var wireString: String { uuidString.lowercased() }
    public static var wireParsingIssue: (type: String, message: String) {
        ("uuid_parsing", "Input should be a valid UUID, invalid character or length")
    }
}

extension Date: WireStringConvertible {
    public init?(wireString: String) {
        guard let date = RFC3339.parseDateTime(wireString) else { return nil }
        self = date
    }
    public var wireString: String { RFC3339.format(self) }
    public static var wireParsingIssue: (type: String, message: String) {
        ("datetime_from_date_parsing", "Input should be a valid datetime or date, invalid character in year")
    }
}
