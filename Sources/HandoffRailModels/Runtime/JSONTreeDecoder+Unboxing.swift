import Foundation

extension JSONTreeDecoder {
    /// `valueNotFound` for `null`, otherwise `typeMismatch`, worded as `JSONDecoder` words them.
    static func mismatch(_ type: Any.Type, found value: JSONValue, path: [any CodingKey]) -> DecodingError {
        if value.isNull {
            return .valueNotFound(
                type, DecodingError.Context(codingPath: path, debugDescription: "Cannot get value of type \(type) -- found null value instead"))
        }
        return .typeMismatch(
            type, DecodingError.Context(codingPath: path, debugDescription: "Expected to decode \(type) but found \(value.codingKindDescription) instead."))
    }

    private static func corrupted(_ message: String, path: [any CodingKey]) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: path, debugDescription: message))
    }

    /// A string, only from `.string`.
    func unboxString(_ value: JSONValue, path: @autoclosure () -> [any CodingKey]) throws -> String {
        if case .string(let string) = value { return string }
        throw Self.mismatch(String.self, found: value, path: path())
    }

    /// A `[String]` in one pass; a bad element's error path ends with its index, as element by element.
    private func unboxStrings(_ value: JSONValue, path: @autoclosure () -> [any CodingKey]) throws -> [String] {
        guard case .array(let elements) = value else { throw Self.mismatch([String].self, found: value, path: path()) }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard case .string(let string) = element else {
                var elementPath = path()
                elementPath.append(JSONIndexKey(index: index))
                throw Self.mismatch(String.self, found: element, path: elementPath)
            }
            strings.append(string)
        }
        return strings
    }

    /// A boolean, only from `.bool` (never from a number).
    func unboxBool(_ value: JSONValue, path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        if case .bool(let flag) = value { return flag }
        throw Self.mismatch(Bool.self, found: value, path: path())
    }

    /// An integer from `.integer`, or from an integral `.number` (`1.0`, as pydantic's lax
    /// mode and JSON Schema's `integer` accept); out of range for `I` is `dataCorrupted`.
    func unboxInteger<I: FixedWidthInteger>(_ value: JSONValue, as type: I.Type, path: @autoclosure () -> [any CodingKey]) throws -> I {
        switch value {
        case .integer(let integer):
            if let result = I(exactly: integer) { return result }
        case .number(let double):
            if double.isFinite, let result = I(exactly: double) { return result }
        default:
            throw Self.mismatch(I.self, found: value, path: path())
        }
        throw Self.corrupted("Number \(value.numberText) does not fit in \(I.self).", path: path())
    }

    /// A `Double` from `.number` or `.integer`.
    func unboxDouble(_ value: JSONValue, path: @autoclosure () -> [any CodingKey]) throws -> Double {
        switch value {
        case .number(let double): return double
        case .integer(let integer): return Double(integer)
        default: throw Self.mismatch(Double.self, found: value, path: path())
        }
    }

    /// A `Float` from `.number` or `.integer`; a finite number beyond `Float`'s range is `dataCorrupted`.
    func unboxFloat(_ value: JSONValue, path: @autoclosure () -> [any CodingKey]) throws -> Float {
        switch value {
        case .number(let double):
            let float = Float(double)
            if float.isFinite || !double.isFinite { return float }
            throw Self.corrupted("Number \(double) does not fit in Float.", path: path())
        case .integer(let integer): return Float(integer)
        default: throw Self.mismatch(Float.self, found: value, path: path())
        }
    }

    /// Reads a type that `JSONTreeSpecialType(T.self)` recognised, without running its `init(from:)`.
    ///
    /// `JSONValue` (and `[String: JSONValue]`, `[JSONValue]`) come straight from the tree, the
    /// common scalars skip a stack frame, and `Date`, `URL`, `Data` and `Decimal` read the
    /// forms `JSONValueEncoder` writes: an RFC 3339 string, a URL string, a base64 string
    /// and a JSON number. (It returns `T`, not `T?`: an optional of a generic type would
    /// make the runtime look up `Optional<T>` metadata for every member.)
    func unboxSpecial<T: Decodable>(
        _ special: JSONTreeSpecialType, as type: T.Type, from value: JSONValue, path: @autoclosure () -> [any CodingKey]
    ) throws -> T {
        switch special {
        case .jsonValue: return value as! T
        case .string: return try unboxString(value, path: path()) as! T
        case .int: return try unboxInteger(value, as: Int.self, path: path()) as! T
        case .bool: return try unboxBool(value, path: path()) as! T
        case .double: return try unboxDouble(value, path: path()) as! T
        case .object:
            guard case .object(let members) = value else { throw Self.mismatch(T.self, found: value, path: path()) }
            return members as! T
        case .array:
            guard case .array(let elements) = value else { throw Self.mismatch(T.self, found: value, path: path()) }
            return elements as! T
        case .strings: return try unboxStrings(value, path: path()) as! T
        case .float: return try unboxFloat(value, path: path()) as! T
        case .date:
            let text = try unboxString(value, path: path())
            guard let date = RFC3339.parseDateTime(text) else { throw Self.corrupted("'\(text)' is not an RFC 3339 date-time", path: path()) }
            return date as! T
        case .url:
            let text = try unboxString(value, path: path())
            guard let url = URL(string: text) else { throw Self.corrupted("'\(text)' is not a valid URL", path: path()) }
            return url as! T
        case .data:
            let text = try unboxString(value, path: path())
            guard let data = Data(base64Encoded: text) else { throw Self.corrupted("'\(text)' is not valid base64", path: path()) }
            return data as! T
        case .decimal: return try unboxDecimal(value, path: path()) as! T
        case .none: return try T(from: self)  // not reached: callers check `.none` first
        }
    }

    /// A `Decimal` from a JSON number, read from the double's shortest text (`0.1`, not
    /// `0.1000000000000000055…`).
    private func unboxDecimal(_ value: JSONValue, path: @autoclosure () -> [any CodingKey]) throws -> Decimal {
        switch value {
        case .integer(let integer): return Decimal(integer)
        case .number(let double):
            if let decimal = Decimal(string: double.description) { return decimal }
            throw Self.corrupted("Number \(double) does not fit in Decimal.", path: path())
        default: throw Self.mismatch(Decimal.self, found: value, path: path())
        }
    }
}

extension JSONValue {
    /// The number as JSON text, for error messages.
    fileprivate var numberText: String {
        switch self {
        case .integer(let integer): return String(integer)
        case .number(let double): return double.description
        default: return codingKindDescription
        }
    }
}
