import Foundation
import HandoffRailClient

/// A live WebSocket event session: an async sequence of what the server sends (events, or
/// ``WebSocketEventMessage``s), plus commands that change the subscription while it runs.
///
/// Create one with ``HandoffRailClient/webSocketEvents(subscribe:options:)`` (or
/// ``HandoffRailClient/webSocketEventMessages(subscribe:options:)``). The connection lives in
/// a task owned by the sequence: it opens at once, reconnects with backoff (subscribing the
/// current channels again), and closes when iteration stops — the consuming task is
/// cancelled, the loop is left, or ``close()`` is called — or when the last copy of the
/// session is dropped.
///
/// ```swift
/// let session = client.webSocketEvents(subscribe: [.status(.created)])
/// try await session.subscribe(.agent("billing-01"))   // confirmed by the server
/// for try await event in session {
///     print(event.type, event.packetID)
///     if event.type == .packetCompleted { try await session.unsubscribe(.agent("billing-01")) }
/// }
/// ```
///
/// An event is delivered when it matches any of the session's channels; with no channel the
/// server sends every event of the key's tenant (so unsubscribing the last channel widens the
/// session to everything).
public struct WebSocketEventSession<Element: Sendable>: AsyncSequence, Sendable {
    /// Iteration errors are ``HandoffRailError``s.
    public typealias Failure = any Error

    private let stream: AsyncThrowingStream<Element, any Error>
    private let continuation: AsyncThrowingStream<Element, any Error>.Continuation
    private let controller: WebSocketSessionController
    private let replyTimeout: Duration

    init(stream: AsyncThrowingStream<Element, any Error>, continuation: AsyncThrowingStream<Element, any Error>.Continuation,
         controller: WebSocketSessionController, replyTimeout: Duration) {
        self.stream = stream
        self.continuation = continuation
        self.controller = controller
        self.replyTimeout = replyTimeout
    }

    /// Iterates the session's elements; iterate once (it is one stream).
    public func makeAsyncIterator() -> AsyncThrowingStream<Element, any Error>.Iterator {
        stream.makeAsyncIterator()
    }

    /// The channels the session currently serves or is about to (confirmed, or sent and not
    /// yet refused); the ones a reconnect subscribes again.
    public var channels: [EventChannel] {
        get async { await controller.channels }
    }

    /// Adds `channel` and returns once the server confirmed it: every event committed
    /// afterwards that matches it is delivered. Waits for a connection when the session is
    /// between two.
    ///
    /// - Throws: ``HandoffRailError`` `.validation` when the server refuses the channel (it is
    ///   then not added), `.timeout` after ``WebSocketEventOptions/replyTimeout``, the session's
    ///   final error once it has ended.
    public func subscribe(_ channel: EventChannel) async throws {
        _ = try await perform(.subscribe(channel))
    }

    /// Removes `channel` and returns once the server confirmed it; events arriving afterwards
    /// match only the remaining channels (all events of the tenant when none remain).
    ///
    /// - Throws: ``HandoffRailError`` `.timeout` after ``WebSocketEventOptions/replyTimeout``,
    ///   the session's final error once it has ended.
    public func unsubscribe(_ channel: EventChannel) async throws {
        _ = try await perform(.unsubscribe(channel))
    }

    /// Sends the protocol's `{"action":"ping"}` and waits for the server's `pong`: proof that
    /// the connection is up and the server is serving it. Returns the round-trip time.
    ///
    /// ```swift
    /// let roundTrip = try await session.ping()
    /// ```
    @discardableResult
    public func ping() async throws -> Duration {
        try await perform(.ping)
    }

    /// Ends the session: the sequence finishes (after what it already buffered) and the
    /// connection closes.
    public func close() {
        continuation.finish()
    }

    /// Sends `command` and waits for its reply, at most ``replyTimeout``; a command that timed
    /// out before it could be sent (no connection came up) is withdrawn.
    private func perform(_ command: WebSocketCommand) async throws -> Duration {
        let (ticket, replies) = await controller.submit(command)
        let timeout = replyTimeout
        let roundTrip: Duration?
        do {
            roundTrip = try await waitForReply(replies, timeout: timeout)
        } catch is CancellationError {
            await controller.withdraw(ticket)
            throw CancellationError()
        }
        guard let roundTrip else {
            await controller.withdraw(ticket)
            throw HandoffRailError(kind: .timeout, operationID: WebSocketSessionController.operationID,
                                   reason: "no answer to \(command.summary) within \(timeout)")
        }
        return roundTrip
    }

    /// The reply's round-trip time, or nil when `timeout` passed first.
    private func waitForReply(_ replies: AsyncStream<WebSocketSessionController.Reply>, timeout: Duration) async throws -> Duration? {
        try await withThrowingTaskGroup(of: Duration?.self) { group in
            group.addTask {
                for await reply in replies { return try reply.get() }
                throw CancellationError()
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }
}

extension WebSocketCommand {
    /// How errors name the command.
    var summary: String {
        switch self {
        case .subscribe(let channel): "subscribe \(channel)"
        case .unsubscribe(let channel): "unsubscribe \(channel)"
        case .ping: "ping"
        }
    }
}
