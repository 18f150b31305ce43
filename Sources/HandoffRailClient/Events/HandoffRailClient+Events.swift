import Foundation
import HandoffRailModels

extension HandoffRailClient {
    /// The tenant's live events over Server-Sent Events (`GET /events`), as an async stream.
    ///
    /// Agents use this to learn of a handoff the moment it happens instead of polling. The
    /// stream reconnects by itself — exponential backoff with jitter, honouring the server's
    /// `retry:` — and sends `Last-Event-ID` so the server replays what happened while it was
    /// away. It ends only when you stop iterating (the connection is closed at once), when
    /// the server refuses the key (`HandoffRailError` `.authentication` / `.permission`, or
    /// another client error such as `.notFound` for a server without live events), or after
    /// ``EventStreamOptions/maxReconnectAttempts`` failures in a row.
    ///
    /// Keep-alive pings and the `connected` handshake are handled internally; use
    /// ``eventMessages(subscribe:options:)`` to see them. Needs a client created with a base
    /// URL: an in-process transport cannot stream, and the stream then throws `.connection`.
    ///
    /// ```swift
    /// let client = HandoffRailClient(baseURL: URL(string: "http://127.0.0.1:8080")!, apiKey: key)
    /// for try await event in client.events(subscribe: [.status(.created), .agent("billing-01")]) {
    ///     print(event.type, event.packetID)
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - channels: What to receive; an event matching any channel is delivered. Empty (the
    ///     default) delivers every event of the key's tenant.
    ///   - options: Reconnect policy, idle timeout and key placement.
    public func events(
        subscribe channels: [EventChannel] = [],
        options: EventStreamOptions = EventStreamOptions()
    ) -> AsyncThrowingStream<HandoffRailEvent, any Error> {
        liveStream(channels: channels, options: options) { message in
            if case .event(let event) = message { return event }
            return nil
        }
    }

    /// Like ``events(subscribe:options:)``, but also reports the connection's life:
    /// `connected` (after every (re)connect, once the server has registered the
    /// subscription), keep-alive pings, and each reconnect with its delay and cause.
    ///
    /// ```swift
    /// for try await message in client.eventMessages(subscribe: [.packet(id)]) {
    ///     if case .reconnecting(_, let delay, let cause) = message { log("reconnecting in \(delay): \(cause)") }
    /// }
    /// ```
    public func eventMessages(
        subscribe channels: [EventChannel] = [],
        options: EventStreamOptions = EventStreamOptions()
    ) -> AsyncThrowingStream<EventStreamMessage, any Error> {
        liveStream(channels: channels, options: options) { $0 }
    }

    /// Runs an ``EventStreamSession`` in a task owned by the returned stream: the stream's
    /// termination (consumer cancelled or gone) cancels the task, which closes the connection.
    private func liveStream<Element: Sendable>(
        channels: [EventChannel],
        options: EventStreamOptions,
        transform: @escaping @Sendable (EventStreamMessage) -> Element?
    ) -> AsyncThrowingStream<Element, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: Element.self)
        guard let baseURL else {
            continuation.finish(throwing: HandoffRailError(
                kind: .connection, operationID: EventStreamRequest.operationID,
                reason: "live events need a client created with a base URL; an in-process transport cannot stream"))
            return stream
        }
        let request = EventStreamRequest(
            baseURL: baseURL, apiKey: apiKey, channels: channels, options: options,
            userAgent: configuration.userAgent, lastEventID: options.lastEventID)
        let session = EventStreamSession(request: request, options: options)
        let producer = Task {
            do {
                try await session.run { message in
                    if let element = transform(message) { continuation.yield(element) }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in producer.cancel() }
        return stream
    }
}
