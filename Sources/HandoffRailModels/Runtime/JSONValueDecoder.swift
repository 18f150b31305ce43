import Foundation

/// Decodes `Decodable` values straight from a `JSONValue` tree instead of bytes.
///
/// Why: the server parses each request body into a `JSONValue` to validate it against the
/// JSON Schema; decoding the model from that same tree removes the second parse that
/// `JSONDecoder` would need, and nothing is re-serialised. It also reads numbers the way
/// the rest of HandoffRail sees them (see `JSONValueEncoder` for why `JSONEncoder` is not
/// used on the way out).
///
/// Rules: an `.integer` decodes into any integer type it fits (else
/// `DecodingError.dataCorrupted`) and into `Double`/`Float`; a `.number` decodes into
/// `Double`/`Float`, and into an integer type only when it is integral and fits (`1.0` is
/// an integer for pydantic's lax mode and for JSON Schema); `String` only from `.string`;
/// `Bool` only from `.bool`; `decodeNil` is true only for `.null`; `decodeIfPresent`
/// returns `nil` for an absent member and for `null`, while `contains` reports presence (so
/// `PatchField` tells absent from `null`); `JSONValue` decodes as itself. `Date`, `URL`,
/// `Data` and `Decimal` read what `JSONValueEncoder` writes (RFC 3339, URL string, base64,
/// number). Errors are `DecodingError`s carrying the full coding path, e.g.
/// `metadata.source_agent.id`; array positions are keys whose `intValue` is the index.
/// `userInfo` is what `Decoder.userInfo` shows, e.g. `.handoffRailStrictEnums`.
///
/// ```swift
/// let body = try JSONValue(parsing: requestBody)
/// // … validate `body` against the schema …
/// var decoder = JSONValueDecoder()
/// decoder.userInfo[.handoffRailStrictEnums] = true
/// let create = try decoder.decode(PacketCreate.self, from: body)
/// ```
public struct JSONValueDecoder: Sendable {
    /// Values handed to `Decoder.userInfo` of every `init(from:)`.
    ///
    /// ```swift
    /// decoder.userInfo[.handoffRailStrictEnums] = true   // reject enum values the spec does not list
    /// ```
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// A decoder with an empty `userInfo` (generated enums decode tolerantly).
    ///
    /// ```swift
    /// let decoder = JSONValueDecoder()
    /// ```
    public init() {
        self.userInfo = [:]
    }

    /// Decodes a `T` from `value`.
    ///
    /// ```swift
    /// let agent = try JSONValueDecoder().decode(AgentInfo.self, from: ["id": "a1", "name": "Triage"])
    /// ```
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        let decoder = JSONTreeDecoder(value: value, userInfo: userInfo.isEmpty ? [:] : userInfo.mapValues { $0 as Any }, base: [])
        return try decoder.decode(T.self)
    }
}
