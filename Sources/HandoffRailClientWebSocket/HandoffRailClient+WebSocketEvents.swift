import Foundation
import HandoffRailClient

extension HandoffRailClient {
    /// The tenant's live events over a WebSocket (`GET /ws`), with channels that can change
    /// while the session runs.
    ///
    /// The WebSocket variant of ``HandoffRailClient/events(subscribe:options:)``: the same
    /// ``HandoffRailEvent``s and ``EventChannel``s, plus ``WebSocketEventSession/subscribe(_:)``,
    /// ``WebSocketEventSession/unsubscribe(_:)`` and ``WebSocketEventSession/ping()`` on the
    /// open connection. The session reconnects by itself (exponential backoff with jitter) and
    /// subscribes its current channels again. A WebSocket cannot resume: events committed
    /// while reconnecting are lost — prefer the SSE stream when every event matters.
    ///
    /// The session ends when you stop iterating (the connection is closed at once), when the
    /// server refuses the key (``HandoffRailError`` `.authentication` for 401, `.permission`
    /// for 403, `.notFound` for a server without `/ws`) or an initial channel (`.validation`),
    /// or after ``WebSocketEventOptions/maxReconnectAttempts`` failures in a row. Needs a
    /// client created with a base URL; with an in-process transport it throws `.connection`.
    ///
    /// ```swift
    /// let client = HandoffRailClient(baseURL: URL(string: "http://127.0.0.1:8080")!, apiKey: key)
    /// let session = client.webSocketEvents(subscribe: [.status(.created)])
    /// for try await event in session {
    ///     print(event.type, event.packetID)
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - channels: The initial channels; an event matching any is delivered. Empty (the
    ///     default) delivers every event of the key's tenant.
    ///   - options: Reconnect policy, reply timeout, keep-alive and key placement.
    public func webSocketEvents(
        subscribe channels: [EventChannel] = [],
        options: WebSocketEventOptions = WebSocketEventOptions()
    ) -> WebSocketEventSession<HandoffRailEvent> {
        webSocketSession(channels: channels, options: options) { message in
            if case .event(let event) = message { return event }
            return nil
        }
    }

    /// Like ``webSocketEvents(subscribe:options:)``, but also reports the connection's life:
    /// `connected` (after every (re)connect, once the server confirmed the channels) and each
    /// reconnect with its delay and cause.
    ///
    /// ```swift
    /// for try await message in client.webSocketEventMessages(subscribe: [.packet(id)]) {
    ///     if case .reconnecting(_, let delay, let cause) = message { log("reconnecting in \(delay): \(cause)") }
    /// }
    /// ```
    public func webSocketEventMessages(
        subscribe channels: [EventChannel] = [],
        options: WebSocketEventOptions = WebSocketEventOptions()
    ) -> WebSocketEventSession<WebSocketEventMessage> {
        webSocketSession(channels: channels, options: options) { $0 }
    }

    /// Runs a ``WebSocketSessionRunner`` in a task owned by the returned session's stream: the
    /// stream's termination (consumer cancelled or gone, ``WebSocketEventSession/close()``)
    /// cancels the task, which closes the connection.
    private func webSocketSession<Element: Sendable>(
        channels: [EventChannel],
        options: WebSocketEventOptions,
        transform: @escaping @Sendable (WebSocketEventMessage) -> Element?
    ) -> WebSocketEventSession<Element> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: Element.self)
        let endpoint: WebSocketEndpoint
        do throws(HandoffRailError) {
            guard let baseURL else {
                throw HandoffRailError(
                    kind: .connection, operationID: WebSocketSessionController.operationID,
                    reason: "live events need a client created with a base URL; an in-process transport cannot open a WebSocket")
            }
            endpoint = try WebSocketEndpoint(baseURL: baseURL, apiKey: apiKey, userAgent: configuration.userAgent, options: options)
        } catch {
            continuation.finish(throwing: error)
            let ended = WebSocketSessionController(channels: channels, endedWith: error)
            return WebSocketEventSession(stream: stream, continuation: continuation, controller: ended, replyTimeout: options.replyTimeout)
        }
        let controller = WebSocketSessionController(channels: channels)
        let session = WebSocketEventSession(stream: stream, continuation: continuation, controller: controller, replyTimeout: options.replyTimeout)
        let runner = WebSocketSessionRunner(
            client: self, attempt: WebSocketConnectionAttempt(endpoint: endpoint, options: options, controller: controller), options: options)
        let producer = Task {
            var ending = HandoffRailError(kind: .connection, operationID: WebSocketSessionController.operationID, reason: "the event session has ended")
            do {
                try await runner.run { message in
                    if let element = transform(message) { continuation.yield(element) }
                }
                continuation.finish()
            } catch {
                if let error = error as? HandoffRailError { ending = error }
                continuation.finish(throwing: error)
            }
            await controller.finish(ending)
        }
        continuation.onTermination = { _ in producer.cancel() }
        return session
    }
}
