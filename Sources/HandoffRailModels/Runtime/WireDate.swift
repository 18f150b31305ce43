import Foundation

/// A `Date` on the wire: RFC 3339 in UTC, read with or without fractional seconds and with
/// any offset, written as pydantic writes it (`2026-11-20T10:15:30.123456Z`, no fraction
/// when it is zero), whatever date strategy the surrounding coder has.
public struct WireDate: Codable, Hashable, Sendable {
    /// The date.
    public var date: Date

    /// Wraps `date` for the wire.
    public init(_ date: Date) { self.date = date }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = RFC3339.parseDateTime(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an RFC 3339 date-time")
        }
        self.date = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(RFC3339.format(date))
    }
}

/// A `UUID` on the wire: read in any case, written lowercase as the reference server does
/// (Foundation's `uuidString` is uppercase).
public struct WireUUID: Codable, Hashable, Sendable {
    /// The UUID.
    public var uuid: UUID

    /// Wraps `uuid` for the wire.
    public init(_ uuid: UUID) { self.uuid = uuid }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let uuid = UUID(uuidString: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a UUID")
        }
        self.uuid = uuid
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(uuid.uuidString.lowercased())
    }
}
