import ArgumentParser
import Foundation
import HandoffRailModels

/// Parsers for argument values, so a malformed value is a usage error (exit 2) naming it.
///
/// ```swift
/// @Argument(help: "The packet's id.", transform: ArgumentParsing.uuid) var id: UUID
/// ```
enum ArgumentParsing {
    /// A UUID, in either case.
    static func uuid(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw ValidationError("\"\(text)\" is not a UUID") }
        return id
    }

    /// An RFC 3339 date-time (`2026-11-22T08:00:00Z`) or a plain date (`2026-11-22`, midnight UTC).
    static func date(_ text: String) throws -> Date {
        if let date = RFC3339.parseDateTime(text) { return date }
        if RFC3339.isValidFullDate(text), let date = RFC3339.parseDateTime(text + "T00:00:00Z") { return date }
        throw ValidationError("\"\(text)\" is not a date (2026-11-22 or 2026-11-22T08:00:00Z)")
    }

    /// A spec enum value the server knows (`Priority`, `Role`, …); unknown values are refused
    /// here rather than by the server, with the allowed ones listed.
    static func knownCase<Value: CaseIterable & RawRepresentable<String>>(_ text: String, as type: Value.Type) throws -> Value {
        guard let value = Value.allCases.first(where: { $0.rawValue == text }) else {
            let allowed = Value.allCases.map(\.rawValue).filter { !$0.isEmpty }.joined(separator: ", ")
            throw ValidationError("\"\(text)\" is not one of \(allowed)")
        }
        return value
    }
}

/// Short forms for table cells.
enum CellText {
    /// `2026-11-22 08:30:12Z`: second precision, UTC.
    static func date(_ date: Date?) -> String {
        guard let date else { return "" }
        let text = RFC3339.format(date)
        return String(text.prefix(19)).replacingOccurrences(of: "T", with: " ") + "Z"
    }

    /// A one-line rendering of any JSON value (strings without quotes).
    static func json(_ value: JSONValue?) -> String {
        guard let value else { return "" }
        if case .string(let text) = value { return text }
        return value.serializedString(sortedKeys: true)
    }
}
