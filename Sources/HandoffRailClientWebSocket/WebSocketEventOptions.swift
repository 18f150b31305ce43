import Foundation
import HandoffRailClient

/// How a WebSocket event session connects, keeps the connection alive and reconnects.
///
/// The defaults suit a long-running agent: reconnect forever with exponential backoff from
/// 1 s up to 30 s (with jitter, so a fleet of agents does not reconnect in lockstep after a
/// server restart), a WebSocket ping every 30 s that also detects a dead connection, and
/// 30 s for the server to acknowledge a `subscribe`, `unsubscribe` or `ping`.
///
/// ```swift
/// var options = WebSocketEventOptions()
/// options.maxReconnectAttempts = 5      // give up after 5 failures in a row
/// let session = client.webSocketEvents(subscribe: [.status(.created)], options: options)
/// ```
public struct WebSocketEventOptions: Sendable, Hashable {
    /// The delay before the first reconnect after a failure; doubled for each further
    /// failure in a row.
    public var initialReconnectDelay: Duration
    /// The longest delay between reconnects.
    public var maxReconnectDelay: Duration
    /// Failures in a row after which the session ends with the last error; `nil` never gives
    /// up. A refused key (401, 403) and an invalid initial channel end it at once regardless.
    public var maxReconnectAttempts: Int?
    /// How long ``WebSocketEventSession/subscribe(_:)``, ``WebSocketEventSession/unsubscribe(_:)``
    /// and ``WebSocketEventSession/ping()`` wait for the server's answer (including a reconnect
    /// in between) before throwing `.timeout`; also the time a new connection has to confirm
    /// its channels before it is dropped and retried.
    public var replyTimeout: Duration
    /// The interval of WebSocket ping frames; a connection whose pong does not come back within
    /// the next interval is closed and re-established. `nil` sends none.
    public var keepAliveInterval: Duration?
    /// Where the API key is sent.
    public var keyPlacement: EventStreamOptions.KeyPlacement
    /// The WebSocket path under the base URL; the server serves `/ws` and `/api/v1/ws`.
    public var path: String
    /// The largest message accepted from the server, in bytes.
    public var maxMessageSize: Int

    /// Defaults: reconnect forever from 1 s to 30 s, 30 s reply timeout and keep-alive, key
    /// in the `X-API-Key` header, path `/ws`, messages up to 1 MiB.
    public init(
        initialReconnectDelay: Duration = .seconds(1),
        maxReconnectDelay: Duration = .seconds(30),
        maxReconnectAttempts: Int? = nil,
        replyTimeout: Duration = .seconds(30),
        keepAliveInterval: Duration? = .seconds(30),
        keyPlacement: EventStreamOptions.KeyPlacement = .header,
        path: String = "/ws",
        maxMessageSize: Int = 1 << 20
    ) {
        self.initialReconnectDelay = initialReconnectDelay
        self.maxReconnectDelay = maxReconnectDelay
        self.maxReconnectAttempts = maxReconnectAttempts
        self.replyTimeout = replyTimeout
        self.keepAliveInterval = keepAliveInterval
        self.keyPlacement = keyPlacement
        self.path = path
        self.maxMessageSize = maxMessageSize
    }
}
