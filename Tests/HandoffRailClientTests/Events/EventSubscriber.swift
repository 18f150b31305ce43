import Foundation
import HandoffRailModels
@testable import HandoffRailClient

/// A live subscription running in the background while a test drives the server: it starts
/// the stream, returns once the server confirmed it (`connected`), and collects events.
///
/// ```swift
/// let subscriber = try await EventSubscriber.start(client, subscribe: [.status(.created)])
/// let events = try await subscriber.events(through: { $0.packetID == sentinel })
/// subscriber.stop()
/// ```
final class EventSubscriber: Sendable {
    private let collected: EventLog
    private let consumer: Task<Void, any Error>

    private init(consumer: Task<Void, any Error>, collected: EventLog) {
        self.consumer = consumer
        self.collected = collected
    }

    static func start(_ client: HandoffRailClient, subscribe channels: [EventChannel], options: EventStreamOptions = EventTestSupport.fastOptions) async throws -> EventSubscriber {
        let log = EventLog()
        let (connected, signal) = AsyncStream.makeStream(of: Void.self)
        let consumer = Task {
            defer { signal.finish() }
            for try await message in client.eventMessages(subscribe: channels, options: options) {
                switch message {
                case .connected: signal.yield()
                case .event(let event): await log.append(event)
                default: break
                }
            }
        }
        let subscriber = EventSubscriber(consumer: consumer, collected: log)
        let isConnected = try await EventTestSupport.withTimeout("the subscription to connect") {
            for await _ in connected { return true }
            return false
        }
        if !isConnected {
            try await consumer.value  // rethrows why the stream ended
            throw SSETestServerFailure("the stream ended before connecting")
        }
        return subscriber
    }

    /// The events received up to and including the first one `isLast` accepts (waits for it).
    func events(through isLast: @escaping @Sendable (HandoffRailEvent) -> Bool) async throws -> [HandoffRailEvent] {
        try await EventTestSupport.eventually("the awaited event") { [collected] in
            await collected.prefix(through: isLast)
        }
    }

    /// Ends the stream (and its connection).
    func stop() {
        consumer.cancel()
    }

    deinit { consumer.cancel() }
}

/// The events a subscriber received.
private actor EventLog {
    private var events: [HandoffRailEvent] = []

    func append(_ event: HandoffRailEvent) {
        events.append(event)
    }

    /// The events up to and including the first `isLast` accepts; nil until it arrived.
    func prefix(through isLast: (HandoffRailEvent) -> Bool) -> [HandoffRailEvent]? {
        events.firstIndex(where: isLast).map { Array(events[...$0]) }
    }
}
