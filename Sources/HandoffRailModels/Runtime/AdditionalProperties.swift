/// Coding of object members beyond the declared ones, for schemas with `additionalProperties`.
public enum AdditionalProperties {
    /// Every member of the decoder's object whose key is not in `declared`.
    public static func decode<Value: Decodable>(from decoder: any Decoder, declared: [String]) throws -> [String: Value] {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var result: [String: Value] = [:]
        let declaredKeys = Set(declared)
        for key in container.allKeys where !declaredKeys.contains(key.stringValue) {
            result[key.stringValue] = try container.decode(Value.self, forKey: key)
        }
        return result
    }

    /// Writes `members` beside the declared ones.
    public static func encode<Value: Encodable>(_ members: [String: Value], to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (key, value) in members {
            try container.encode(value, forKey: AnyCodingKey(stringValue: key))
        }
    }
}

/// A coding key for any member name.
public struct AnyCodingKey: CodingKey, Hashable, Sendable {
    /// The member name.
    public var stringValue: String
    /// The index, for array positions.
    public var intValue: Int?

    /// A key for the member `stringValue`.
    public init(stringValue: String) { self.stringValue = stringValue }

    /// A key for the position `intValue`.
    public init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
