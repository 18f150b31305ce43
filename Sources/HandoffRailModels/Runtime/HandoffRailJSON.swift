import Foundation

/// JSON bytes for HandoffRail models, through `JSONValue` so that integers and doubles stay
/// apart on the wire (`2.0` is written `2.0`, `2` is written `2`).
///
/// Why not `JSONEncoder`/`JSONDecoder`: `JSONEncoder` writes the `Double` `2.0` as `2`
/// (`{"a":2}` for `a: Double = 2.0`), so a free-form `JSONValue.number(2.0)` such as a value
/// in `context.custom` would come back as an integer, while Python servers write `2.0`
/// (and `JSONDecoder` reads `1116.0` inside a `JSONValue` as `.integer(1116)`). And the
/// server already parses each request body into a `JSONValue` to validate it against the
/// JSON Schema; `JSONValueDecoder` decodes the model from that tree, so the body is not
/// parsed a second time.
///
/// ```swift
/// let body = try HandoffRailJSON.encode(create)
/// let packet = try HandoffRailJSON.decode(Packet.self, from: responseBody)
/// ```
public enum HandoffRailJSON {
    /// Encodes to compact JSON bytes through `JSONValueEncoder` + `JSONValue.serializedData()`.
    ///
    /// ```swift
    /// let data = try HandoffRailJSON.encode(["score": JSONValue.number(2.0)])   // {"score":2.0}
    /// ```
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try JSONValueEncoder().encode(value).serializedData()
    }

    /// Parses bytes with `JSONValue(parsing:)` then decodes with `JSONValueDecoder`;
    /// `strictEnums` sets `userInfo[.handoffRailStrictEnums]` (the server rejects enum values
    /// the spec does not list, clients keep them as `.undocumented`). Throws the
    /// `JSONParseError` of malformed bytes or the `DecodingError` of a mismatched document.
    ///
    /// ```swift
    /// let create = try HandoffRailJSON.decode(PacketCreate.self, from: body, strictEnums: true)
    /// ```
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, strictEnums: Bool = false) throws -> T {
        var decoder = JSONValueDecoder()
        if strictEnums { decoder.userInfo[.handoffRailStrictEnums] = true }
        return try decoder.decode(T.self, from: try JSONValue(parsing: data))
    }
}
