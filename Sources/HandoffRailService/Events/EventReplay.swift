import Foundation
import HandoffRailStorage

/// How far back a reconnecting client's `Last-Event-ID` is honoured: at most
/// ``maximumEvents`` of its tenant's newest events, none older than ``maximumAge``.
///
/// ```swift
/// let replay = try await EventReplayPolicy().replay(
///     from: store, tenantID: "acme", after: 41, filter: filter, now: Date())
/// replay.isComplete   // false when events the client missed were older than the window
/// ```
public struct EventReplayPolicy: Sendable, Hashable {
    /// The most events one replay sends.
    public var maximumEvents: Int
    /// The oldest event a replay sends, counted back from now.
    public var maximumAge: TimeInterval

    public init(maximumEvents: Int = 1000, maximumAge: TimeInterval = 24 * 3600) {
        self.maximumEvents = max(maximumEvents, 0)
        self.maximumAge = maximumAge
    }

    /// The tenant's events after `sequence` within the window, oldest first, filtered by
    /// `filter`.
    public func replay(
        from store: any EventOutboxStore, tenantID: String, after sequence: Int64, filter: EventChannelFilter, now: Date
    ) async throws -> EventReplay {
        guard maximumEvents > 0 else { return EventReplay(events: [], isComplete: false, lastSequence: sequence) }
        let rows = try await store.recentOutboxEvents(tenantID: tenantID, after: sequence, limit: maximumEvents + 1)
        let oldest = now.addingTimeInterval(-maximumAge)
        let window = rows.suffix(maximumEvents).filter { $0.event.timestamp >= oldest }
        return EventReplay(
            events: window.filter { filter.admits($0.event) },
            isComplete: window.count == rows.count,
            lastSequence: rows.last?.sequence ?? sequence)
    }
}

/// What a replay found.
public struct EventReplay: Sendable, Hashable {
    /// The events to send before live ones, oldest first.
    public var events: [OutboxEvent]
    /// False when some missed events fell outside the window and are not sent.
    public var isComplete: Bool
    /// The newest sequence the replay looked at: live events up to it are duplicates.
    public var lastSequence: Int64
}
