import Foundation
import HandoffRailModels
import HandoffRailStorage
import Synchronization

/// The ``EventBus`` of one process: subscribers indexed by tenant, fed by
/// ``OutboxEventFanOut`` with rows the outbox already committed.
///
/// ``publish(_:)`` looks only at the subscribers of each event's tenant, and every subscriber
/// checks the tenant again, so an event cannot reach another tenant's stream. Offering never
/// blocks: each subscriber has its own bounded buffer (see ``EventSubscription``).
///
/// ```swift
/// let bus = InProcessEventBus()
/// bus.publish(try await store.outboxEvents(after: position, limit: 500))
/// ```
public final class InProcessEventBus: EventBus, Sendable {
    private let subscribers = Mutex<[String: [ObjectIdentifier: EventSubscriber]]>([:])
    private let slowConsumers = EventCounter()
    /// Announced once the fan-out knows where the outbox ends and is tailing it.
    private let liveSignal = CommitSignal()

    public init() {}

    public func withSubscription<Result: Sendable>(
        _ request: EventSubscriptionRequest,
        _ body: (EventSubscription) async throws -> Result
    ) async throws -> Result {
        let (items, continuation) = AsyncThrowingStream.makeStream(
            of: EventStreamItem.self, bufferingPolicy: .bufferingOldest(request.bufferLimit))
        let subscriber = EventSubscriber(request: request, continuation: continuation) { [slowConsumers] in
            slowConsumers.increment()
        }
        let key = ObjectIdentifier(subscriber)
        subscribers.withLock { $0[request.tenantID, default: [:]][key] = subscriber }
        defer {
            subscribers.withLock { table in
                table[request.tenantID]?[key] = nil
                if table[request.tenantID]?.isEmpty == true { table[request.tenantID] = nil }
            }
            subscriber.finish()
        }
        return try await body(EventSubscription(items: items, subscriber: subscriber))
    }

    /// Hands committed events, in outbox order, to the subscribers of their tenants.
    public func publish(_ events: [OutboxEvent]) {
        guard !events.isEmpty else { return }
        for event in events {
            let audience = subscribers.withLock { table in table[event.tenantID].map { Array($0.values) } ?? [] }
            for subscriber in audience {
                subscriber.offer(event)
            }
        }
    }

    /// Called by the fan-out once it tails the outbox: every commit from now on will be published.
    public func markLive() {
        if liveSignal.generation == 0 { liveSignal.announce() }
    }

    /// Whether ``markLive()`` was called.
    public var isLive: Bool { liveSignal.generation > 0 }

    /// Returns once the bus is live (or the task is cancelled). A transport waits for this
    /// before it tells its client `connected`, so a commit after `connected` is never missed.
    public func waitUntilLive() async {
        await liveSignal.wait(past: 0)
    }

    /// Ends every subscription normally (the fan-out stopped: nothing more will come).
    public func finishAll() {
        let all = subscribers.withLock { table in table.values.flatMap(\.values) }
        for subscriber in all { subscriber.finish() }
    }

    /// Current subscribers of `tenantID`, or of all tenants when nil.
    public func subscriberCount(tenantID: String? = nil) -> Int {
        subscribers.withLock { table in
            if let tenantID { return table[tenantID]?.count ?? 0 }
            return table.values.reduce(0) { $0 + $1.count }
        }
    }

    /// Subscriptions that ended because their consumer fell behind, since the bus started.
    public var slowConsumerDisconnects: Int {
        slowConsumers.value
    }
}

/// A thread-safe count, shared with subscribers' overflow callbacks.
final class EventCounter: Sendable {
    private let count = Atomic<Int>(0)

    func increment() { count.add(1, ordering: .relaxed) }

    var value: Int { count.load(ordering: .relaxed) }
}
