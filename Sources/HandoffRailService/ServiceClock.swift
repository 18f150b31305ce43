import Foundation
import HandoffRailModels

/// The service's notion of "now", truncated to whole microseconds and built the canonical way
/// (`Date(microsecondsSince1970:)`), so a timestamp written into a packet document, the same
/// timestamp in an indexed column and the value a client decodes all compare equal.
public struct ServiceClock: Sendable {
    private let source: @Sendable () -> Date

    /// The system clock.
    public static let system = ServiceClock { Date() }

    /// A clock reading `source` (tests move time by hand).
    public init(_ source: @escaping @Sendable () -> Date) {
        self.source = source
    }

    /// Now, truncated to the microsecond.
    public func now() -> Date {
        Date(microsecondsSince1970: Int64((source().timeIntervalSince1970 * 1_000_000).rounded(.down)))
    }
}
