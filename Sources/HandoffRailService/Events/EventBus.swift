import Foundation
import HandoffRailModels
import HandoffRailStorage

/// Delivers a tenant's committed events to live subscribers (`/events`, `/ws`).
///
/// Implementations read what transactions committed to the outbox — never anything before
/// its commit — and never hand one tenant's event to another tenant's subscriber. The
/// in-process implementation is ``InProcessEventBus`` (fed by ``OutboxEventFanOut``); an
/// implementation over PostgreSQL `LISTEN/NOTIFY` can fan out across instances behind the
/// same protocol.
///
/// A subscription is lent for the duration of `body` and removed when `body` returns or
/// throws, so a disconnected client never keeps a subscriber alive:
///
/// ```swift
/// try await bus.withSubscription(EventSubscriptionRequest(tenantID: "acme", bufferLimit: 256)) { subscription in
///     for try await item in subscription.items {
///         if case .event(let event) = item { print(event.sequence, event.event.type) }
///     }
/// }
/// ```
public protocol EventBus: Sendable {
    /// Subscribes for the duration of `body`.
    func withSubscription<Result: Sendable>(
        _ request: EventSubscriptionRequest,
        _ body: (EventSubscription) async throws -> Result
    ) async throws -> Result
}

/// Who subscribes, to what, and how many undelivered items they may fall behind.
public struct EventSubscriptionRequest: Sendable, Hashable {
    /// The subscriber's tenant: the only tenant whose events it receives.
    public var tenantID: String
    /// Initial channels (empty: every event of the tenant).
    public var filter: EventChannelFilter
    /// Items (events and transport messages) buffered for a consumer that does not keep up;
    /// one more and the subscription ends with ``EventStreamError/slowConsumer(bufferLimit:)``.
    public var bufferLimit: Int

    public init(tenantID: String, filter: EventChannelFilter = EventChannelFilter(), bufferLimit: Int) {
        self.tenantID = tenantID
        self.filter = filter
        self.bufferLimit = max(bufferLimit, 1)
    }
}

/// One item of a subscription, in delivery order.
public enum EventStreamItem: Sendable, Hashable {
    /// A committed event of the subscriber's tenant that passed its channel filter.
    case event(OutboxEvent)
    /// A message the transport itself queued in line with the events (a heartbeat, a
    /// WebSocket acknowledgement), under the same buffer bound; `type` names it.
    case control(type: String, payload: JSONValue)
}

/// Why a subscription's stream ended with an error.
public enum EventStreamError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The consumer fell more than `bufferLimit` items behind; it was dropped rather than
    /// letting the buffer grow.
    case slowConsumer(bufferLimit: Int)

    /// A short machine-readable reason (`slow_consumer`).
    public var reason: String {
        switch self {
        case .slowConsumer: "slow_consumer"
        }
    }

    public var description: String {
        switch self {
        case .slowConsumer(let limit):
            "The client fell more than \(limit) events behind and was disconnected; reconnect with Last-Event-ID to resume."
        }
    }
}
