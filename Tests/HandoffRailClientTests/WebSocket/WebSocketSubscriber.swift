import Foundation
import HandoffRailClientWebSocket

/// A WebSocket event session consumed in the background while a test drives the server: it
/// starts the session, returns once the server confirmed the channels (`connected`), and
/// records every message.
///
/// ```swift
/// let subscriber = try await WebSocketSubscriber.start(client, subscribe: [.status(.created)])
/// try await subscriber.session.subscribe(.agent("billing-01"))
/// let events = try await subscriber.events(through: { $0.packetID == sentinel })
/// subscriber.stop()
/// ```
final class WebSocketSubscriber: Sendable {
    /// The session, for `subscribe` / `unsubscribe` / `ping`.
    let session: WebSocketEventSession<WebSocketEventMessage>
    private let log: WebSocketMessageLog
    private let consumer: Task<Void, Never>

    private init(session: WebSocketEventSession<WebSocketEventMessage>, log: WebSocketMessageLog, consumer: Task<Void, Never>) {
        self.session = session
        self.log = log
        self.consumer = consumer
    }

    static func start(
        _ client: HandoffRailClient, subscribe channels: [EventChannel],
        options: WebSocketEventOptions = WebSocketTestSupport.fastOptions
    ) async throws -> WebSocketSubscriber {
        let session = client.webSocketEventMessages(subscribe: channels, options: options)
        let log = WebSocketMessageLog()
        let consumer = Task {
            do {
                for try await message in session { await log.append(message) }
                await log.end(nil)
            } catch {
                await log.end(error)
            }
        }
        let subscriber = WebSocketSubscriber(session: session, log: log, consumer: consumer)
        try await subscriber.waitUntilConnected(times: 1)
        return subscriber
    }

    /// Returns once `times` `connected` messages arrived; rethrows the session's error if it
    /// ended first.
    func waitUntilConnected(times: Int) async throws {
        let outcome = try await EventTestSupport.eventually("the WebSocket session to connect") { [log] in
            await log.connectedOrEnded(times: times)
        }
        if case .failure(let error) = outcome { throw error }
    }

    /// The events received up to and including the first one `isLast` accepts (waits for it).
    func events(through isLast: @escaping @Sendable (HandoffRailEvent) -> Bool) async throws -> [HandoffRailEvent] {
        try await EventTestSupport.eventually("the awaited event") { [log] in
            await log.events(through: isLast)
        }
    }

    /// Every message so far.
    var messages: [WebSocketEventMessage] {
        get async { await log.messages }
    }

    /// How the session ended (waits for it): nil when it finished without error.
    func ending() async throws -> (any Error)? {
        try await EventTestSupport.eventually("the session to end") { [log] in await log.ending }.error
    }

    /// Stops consuming, which ends the session and closes its connection.
    func stop() {
        consumer.cancel()
    }

    deinit { consumer.cancel() }
}

/// What a subscriber received.
private actor WebSocketMessageLog {
    private(set) var messages: [WebSocketEventMessage] = []
    private(set) var ending: SessionEnding?

    func append(_ message: WebSocketEventMessage) {
        messages.append(message)
    }

    func end(_ error: (any Error)?) {
        ending = SessionEnding(error: error)
    }

    /// Success once `times` connections were confirmed, the session's error if it ended first.
    func connectedOrEnded(times: Int) -> Result<Void, any Error>? {
        let connections = messages.filter { if case .connected = $0 { true } else { false } }.count
        if connections >= times { return .success(()) }
        if let ending { return .failure(ending.error ?? WebSocketTestFailure("the session ended before connecting")) }
        return nil
    }

    /// The events up to and including the first `isLast` accepts; nil until it arrived.
    func events(through isLast: (HandoffRailEvent) -> Bool) -> [HandoffRailEvent]? {
        let events = messages.compactMap { message -> HandoffRailEvent? in
            if case .event(let event) = message { return event }
            return nil
        }
        return events.firstIndex(where: isLast).map { Array(events[...$0]) }
    }
}

/// How a session ended.
struct SessionEnding: Sendable {
    var error: (any Error)?
}

/// A test expectation that could not be met.
struct WebSocketTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Options shared by the WebSocket tests.
enum WebSocketTestSupport {
    /// Reconnects within milliseconds so tests do not wait on backoff; reply timeouts stay
    /// generous for a loaded machine.
    static let fastOptions = WebSocketEventOptions(
        initialReconnectDelay: .milliseconds(20),
        maxReconnectDelay: .milliseconds(200),
        replyTimeout: .seconds(30))
}
