import Foundation

/// The service's notion of "now", truncated to whole microseconds so a timestamp written into
/// a packet document and the same timestamp in an indexed column compare equal.
public struct ServiceClock: Sendable {
    private let source: @Sendable () -> Date

    /// The system clock.
    public static let system = ServiceClock { Date() }

    /// A clock reading `source` (tests move time by hand).
    public init(_ source: @escaping @Sendable () -> Date) {
        self.source = source
    }

    /// Now, to the microsecond.
    public func now() -> Date {
        let micros = (source().timeIntervalSince1970 * 1_000_000).rounded(.down)
        return Date(timeIntervalSince1970: micros / 1_000_000)
    }
}
