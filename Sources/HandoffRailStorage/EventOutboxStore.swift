import Foundation
import HandoffRailModels

/// What live events (`/events`, `/ws`) read from the outbox besides the global tail
/// (``PacketStore/outboxEvents(after:limit:)``): where the tail ends now, and one tenant's
/// recent events for a reconnecting client's `Last-Event-ID` replay.
///
/// Both queries are indexed (`outbox` by `seq`, and by `tenant_id, seq`), so a replay costs
/// the rows it returns however large the outbox is.
///
/// ```swift
/// let start = try await store.latestOutboxSequence()          // fan-out starts here
/// let missed = try await store.recentOutboxEvents(tenantID: "acme", after: 41, limit: 500)
/// ```
public protocol EventOutboxStore: Sendable {
    /// The sequence of the newest outbox row (0 when the outbox is empty).
    func latestOutboxSequence() async throws -> Int64

    /// The newest `limit` outbox events of `tenantID` with a sequence greater than
    /// `sequence`, oldest first. When more than `limit` such events exist, the oldest of them
    /// are left out (a caller asks for `limit + 1` to learn whether that happened).
    func recentOutboxEvents(tenantID: String, after sequence: Int64, limit: Int) async throws -> [OutboxEvent]
}
