import Foundation
import HandoffRailModels
import HandoffRailService
import HandoffRailStorage

/// Reads a subscription's items from a child task, failing after a generous timeout instead of
/// hanging (the assertions are about what arrives, never about how fast).
enum EventCollector {
    struct TimedOut: Error, CustomStringConvertible {
        var description: String
    }

    /// The first `count` events (control items skipped).
    static func events(_ subscription: EventSubscription, count: Int, timeout: Duration = .seconds(20)) async throws -> [OutboxEvent] {
        try await withThrowingTaskGroup(of: [OutboxEvent].self) { group in
            group.addTask {
                var events: [OutboxEvent] = []
                for try await item in subscription.items {
                    if case .event(let event) = item { events.append(event) }
                    if events.count == count { return events }
                }
                return events
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw TimedOut(description: "fewer than \(count) events within \(timeout)")
            }
            defer { group.cancelAll() }
            return try await group.next() ?? []
        }
    }
}

extension OutboxEvent {
    /// A hand-made committed event of `tenantID` (for bus tests that need no database).
    static func sample(
        sequence: Int64, tenantID: String, type: EventType = .packetCreated, packetID: UUID = UUID(),
        status: String = "created", source: String = "triage-01", target: String = "billing-01"
    ) -> OutboxEvent {
        OutboxEvent(
            sequence: sequence, id: UUID(), tenantID: tenantID,
            event: Event(
                type: type, packetId: packetID,
                data: ["status": .string(status), "source_agent_id": .string(source), "target_agent_id": .string(target)],
                timestamp: Date()))
    }
}
