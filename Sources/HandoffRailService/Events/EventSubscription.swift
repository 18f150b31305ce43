import Foundation
import HandoffRailModels
import HandoffRailStorage
import Synchronization

/// A live subscription lent by ``EventBus/withSubscription(_:_:)``: the items to deliver and
/// the subscriber's channels, which can change while it runs (WebSocket `subscribe` /
/// `unsubscribe`).
///
/// Items are buffered up to the request's `bufferLimit`. When one more would not fit, the
/// subscription is marked ``isOverflowed`` and its stream ends with
/// ``EventStreamError/slowConsumer(bufferLimit:)``: a consumer checks ``isOverflowed`` before
/// writing each item so it stops at once instead of draining a backlog to a stalled client.
///
/// ```swift
/// subscription.subscribe(.status(.completed))
/// subscription.enqueueControl(type: "pong", payload: ["type": "pong"])
/// ```
public struct EventSubscription: Sendable {
    /// Events and control messages, in order; throws ``EventStreamError`` on overflow.
    public let items: AsyncThrowingStream<EventStreamItem, any Error>
    let subscriber: EventSubscriber

    init(items: AsyncThrowingStream<EventStreamItem, any Error>, subscriber: EventSubscriber) {
        self.items = items
        self.subscriber = subscriber
    }

    /// The current channels.
    public var filter: EventChannelFilter { subscriber.filter }

    /// True once the consumer fell behind by more than the buffer limit.
    public var isOverflowed: Bool { subscriber.isOverflowed }

    /// Adds a channel; returns false when it was already subscribed.
    @discardableResult
    public func subscribe(_ channel: EventChannel) -> Bool {
        subscriber.update { $0.channels.insert(channel).inserted }
    }

    /// Removes a channel; returns false when it was not subscribed.
    @discardableResult
    public func unsubscribe(_ channel: EventChannel) -> Bool {
        subscriber.update { $0.channels.remove(channel) != nil }
    }

    /// Queues a transport message in line with the events, under the same buffer bound.
    public func enqueueControl(type: String, payload: JSONValue) {
        subscriber.offer(.control(type: type, payload: payload))
    }

    /// Ends ``items`` normally (e.g. the WebSocket peer closed).
    public func finish() {
        subscriber.finish()
    }
}

/// The bus's side of one subscription: tenant, filter, overflow state and the stream's
/// continuation. Thread-safe; offered items never block.
final class EventSubscriber: Sendable {
    let tenantID: String
    let bufferLimit: Int
    private let continuation: AsyncThrowingStream<EventStreamItem, any Error>.Continuation
    private let onOverflow: @Sendable () -> Void
    private let state: Mutex<State>

    private struct State {
        var filter: EventChannelFilter
        var overflowed = false
    }

    init(
        request: EventSubscriptionRequest,
        continuation: AsyncThrowingStream<EventStreamItem, any Error>.Continuation,
        onOverflow: @escaping @Sendable () -> Void
    ) {
        self.tenantID = request.tenantID
        self.bufferLimit = request.bufferLimit
        self.continuation = continuation
        self.onOverflow = onOverflow
        self.state = Mutex(State(filter: request.filter))
    }

    var filter: EventChannelFilter { state.withLock { $0.filter } }
    var isOverflowed: Bool { state.withLock { $0.overflowed } }

    func update<Value>(_ change: (inout EventChannelFilter) -> Value) -> Value {
        state.withLock { change(&$0.filter) }
    }

    /// Offers a committed event: queued when it is the subscriber's tenant's and passes the filter.
    func offer(_ event: OutboxEvent) {
        guard event.tenantID == tenantID, filter.admits(event.event) else { return }
        offer(.event(event))
    }

    /// Queues an item; on a full buffer marks the subscriber overflowed (once) and ends the stream.
    func offer(_ item: EventStreamItem) {
        guard !isOverflowed else { return }
        guard case .dropped = continuation.yield(item) else { return }
        let first = state.withLock { state in
            defer { state.overflowed = true }
            return !state.overflowed
        }
        guard first else { return }
        continuation.finish(throwing: EventStreamError.slowConsumer(bufferLimit: bufferLimit))
        onOverflow()
    }

    func finish() {
        continuation.finish()
    }
}
