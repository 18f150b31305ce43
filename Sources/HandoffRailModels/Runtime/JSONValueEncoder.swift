import Foundation

/// Encodes `Encodable` values to a `JSONValue` tree instead of bytes.
///
/// Why not `JSONEncoder`: it writes the `Double` `2.0` as `2` (`{"a":2}` for
/// `a: Double = 2.0`), so a free-form `JSONValue.number(2.0)`, e.g. in `context.custom`,
/// would come back from the wire as `.integer(2)`, breaking the rule that integers and
/// doubles stay apart (Python servers write `2.0`). This encoder keeps every `Double` a
/// `.number` and every integer an `.integer`, and `JSONValue.serialized()` then writes
/// integral doubles with their `.0`. Use `HandoffRailJSON.encode` for bytes.
///
/// Mapping: `Bool` → `.bool`; `String` → `.string`; `Double`/`Float` → `.number` even when
/// integral (NaN and infinities throw `EncodingError.invalidValue`); every integer type →
/// `.integer` (values beyond `Int`, e.g. a large `UInt64`, throw); `nil` → `.null`;
/// `JSONValue` → itself. Foundation types get a fixed JSON form rather than their default
/// `Codable` one: `Date` → RFC 3339 string (`RFC3339.format`, as `WireDate`), `URL` →
/// its `absoluteString`, `Data` → base64 string, `Decimal` → `.integer` when whole and
/// within `Int`, `.number` when a `Double` holds it exactly, else `EncodingError` (never a
/// silently rounded number or a string). Objects are dictionaries, so member order is
/// irrelevant and a key written twice keeps the last value.
///
/// ```swift
/// struct Reading: Encodable { var ratio = 2.0; var count = 2 }
/// let tree = try JSONValueEncoder().encode(Reading())
/// // .object(["ratio": .number(2.0), "count": .integer(2)])
/// tree.serializedString(sortedKeys: true)   // {"count":2,"ratio":2.0}
/// ```
public struct JSONValueEncoder: Sendable {
    /// Values handed to `Encoder.userInfo` of every `encode(to:)`.
    ///
    /// ```swift
    /// encoder.userInfo[CodingUserInfoKey(rawValue: "audience")!] = "public"
    /// ```
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// An encoder with an empty `userInfo`.
    ///
    /// ```swift
    /// let encoder = JSONValueEncoder()
    /// ```
    public init() {
        self.userInfo = [:]
    }

    /// Encodes `value` to its JSON tree.
    ///
    /// ```swift
    /// try JSONValueEncoder().encode(["attempts": JSONValue.integer(2), "score": 2.0])
    /// // .object(["attempts": .integer(2), "score": .number(2.0)])
    /// ```
    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let encoder = JSONTreeEncoder(userInfo: userInfo.isEmpty ? [:] : userInfo.mapValues { $0 as Any }, base: [])
        return try encoder.encodeRoot(value)
    }
}
