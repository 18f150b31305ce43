import Foundation
import GRDB
import HandoffRailModels

/// How the store spells dates, UUIDs and JSON in SQLite columns.
///
/// GRDB's own conversions would store a `Date` as text and a `UUID` as a 16-byte blob; the
/// schema wants INTEGER microseconds and lowercase text instead, so values are converted here,
/// explicitly, and never bound as `Date` or `UUID`.
extension Date {
    /// Microseconds since 1970, rounded to the nearest one.
    ///
    /// ```swift
    /// Date(timeIntervalSince1970: 1.5).databaseMicroseconds   // 1_500_000
    /// ```
    var databaseMicroseconds: Int64 {
        microsecondsSince1970
    }

    /// The date `microseconds` after 1970, built the one canonical way (see
    /// `Date(microsecondsSince1970:)`), so a stored timestamp reads back equal to the one written
    /// and to the same instant decoded from JSON.
    init(databaseMicroseconds microseconds: Int64) {
        self.init(microsecondsSince1970: microseconds)
    }
}

extension UUID {
    /// The lowercase text form stored in id columns.
    var databaseText: String { uuidString.lowercased() }
}

/// A column that does not hold what the schema promises (a malformed UUID, say).
struct CorruptColumn: Error, Sendable, CustomStringConvertible {
    var column: String
    var description: String { "column \(column) holds an unexpected value" }
}

extension Row {
    /// The UUID stored as text in `column`.
    func uuid(_ column: String) throws -> UUID {
        let text: String = try decode(String.self, forColumn: column)
        guard let uuid = UUID(uuidString: text) else { throw CorruptColumn(column: column) }
        return uuid
    }

    /// The UUID stored as text in `column`, or nil for NULL.
    func optionalUUID(_ column: String) throws -> UUID? {
        guard let text: String = try decode(String?.self, forColumn: column) else { return nil }
        guard let uuid = UUID(uuidString: text) else { throw CorruptColumn(column: column) }
        return uuid
    }

    /// The date stored as microseconds in `column`.
    func date(_ column: String) throws -> Date {
        Date(databaseMicroseconds: try decode(Int64.self, forColumn: column))
    }

    /// The date stored as microseconds in `column`, or nil for NULL.
    func optionalDate(_ column: String) throws -> Date? {
        try decode(Int64?.self, forColumn: column).map(Date.init(databaseMicroseconds:))
    }

    /// The JSON document stored as text in `column`, decoded with ``HandoffRailJSON``.
    func json<T: Decodable>(_ type: T.Type, _ column: String) throws -> T {
        try HandoffRailJSON.decode(type, from: try decode(Data.self, forColumn: column))
    }

    /// Like ``json(_:_:)``, nil for NULL.
    func optionalJSON<T: Decodable>(_ type: T.Type, _ column: String) throws -> T? {
        guard let data = try decode(Data?.self, forColumn: column) else { return nil }
        return try HandoffRailJSON.decode(type, from: data)
    }
}

/// JSON text for a TEXT column, through ``HandoffRailJSON`` (doubles stay doubles).
func databaseJSON<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try HandoffRailJSON.encode(value), as: UTF8.self)
}

/// A row request from an SQL literal whose interpolated values become bound parameters.
///
/// ```swift
/// try Int.fetchOne(db, sqlRequest("SELECT COUNT(*) FROM packets WHERE tenant_id = \(tenantID)"))
/// ```
func sqlRequest(_ sql: SQL) -> SQLRequest<Row> {
    SQLRequest(literal: sql)
}
