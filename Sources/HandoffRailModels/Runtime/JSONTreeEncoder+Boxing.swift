import Foundation

extension JSONTreeEncoder {
    /// The tree of values the encoder writes without running their `encode(to:)`, else `nil`.
    ///
    /// `JSONValue` (and `[String: JSONValue]`, `[JSONValue]`) are taken as they are, so
    /// `.number(2.0)` stays a number; the common scalars skip a frame; `Date`, `URL`, `Data`
    /// and `Decimal` get a JSON form of their own instead of Foundation's default `Codable`
    /// one (a `Date` would otherwise become a bare `Double` of seconds since 2001).
    ///
    /// ```swift
    /// try encoder.boxSpecial(JSONValue.number(2.0), path: [])   // .number(2.0)
    /// ```
    func boxSpecial<T: Encodable>(_ value: T, path: @autoclosure () -> [any CodingKey]) throws -> JSONValue? {
        switch JSONTreeSpecialType(T.self) {
        case .none: return nil
        case .jsonValue: return (value as! JSONValue)
        case .string: return .string(value as! String)
        case .int: return .integer(value as! Int)
        case .bool: return .bool(value as! Bool)
        case .double: return try boxDouble(value as! Double, path: path())
        case .object: return .object(value as! [String: JSONValue])
        case .array: return .array(value as! [JSONValue])
        case .strings: return .array((value as! [String]).map(JSONValue.string))
        case .float: return try boxFloat(value as! Float, path: path())
        case .date: return .string(RFC3339.format(value as! Date))
        case .url: return .string((value as! URL).absoluteString)
        case .data: return .string((value as! Data).base64EncodedString())
        case .decimal: return try boxDecimal(value as! Decimal, path: path())
        }
    }

    /// A finite `Double` as `.number`, even when integral; NaN and infinities are errors.
    func boxDouble(_ value: Double, path: @autoclosure () -> [any CodingKey]) throws -> JSONValue {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: path(), debugDescription: "Unable to encode Double.\(value) directly in JSON."))
        }
        return .number(value)
    }

    /// A finite `Float` as the `.number` its shortest text denotes (`0.1` rather than
    /// `0.10000000149011612`, as `JSONEncoder` writes it); NaN and infinities are errors.
    func boxFloat(_ value: Float, path: @autoclosure () -> [any CodingKey]) throws -> JSONValue {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: path(), debugDescription: "Unable to encode Float.\(value) directly in JSON."))
        }
        return .number(Double(value.description) ?? Double(value))
    }

    /// An integer as `.integer`; one beyond `Int`'s range is an error (JSONValue has no room for it).
    func boxInteger<I: BinaryInteger>(_ value: I, path: @autoclosure () -> [any CodingKey]) throws -> JSONValue {
        guard let integer = Int(exactly: value) else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: path(), debugDescription: "\(value) does not fit in a JSON integer (Int)."))
        }
        return .integer(integer)
    }

    /// A `Decimal` without losing digits: `.integer` when it is whole and fits `Int`,
    /// `.number` when a `Double` holds it exactly (its shortest text reads back as the same
    /// decimal), otherwise an error. A string would change the JSON type behind the
    /// schema's back and a rounded double would change the value, so neither is done silently.
    func boxDecimal(_ value: Decimal, path: @autoclosure () -> [any CodingKey]) throws -> JSONValue {
        if !value.isNaN {
            let text = value.description
            if let integer = Int(text) { return .integer(integer) }
            if let double = Double(text), double.isFinite, Decimal(string: double.description) == value {
                return .number(double)
            }
        }
        throw EncodingError.invalidValue(
            value,
            EncodingError.Context(codingPath: path(), debugDescription: "Decimal \(value) cannot be written exactly as a JSON integer or double."))
    }
}
