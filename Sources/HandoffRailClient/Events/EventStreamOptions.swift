import Foundation

/// How a live event stream connects, detects dead connections and reconnects.
///
/// The defaults suit a long-running agent: reconnect forever with exponential backoff from
/// 1 s up to 30 s (with jitter, so a fleet of agents does not reconnect in lockstep after a
/// server restart), and treat 75 s without a byte — two and a half missed 30 s pings — as a
/// dead connection. A server's `retry:` field replaces ``initialReconnectDelay``.
///
/// ```swift
/// var options = EventStreamOptions()
/// options.maxReconnectAttempts = 5      // give up after 5 failures in a row
/// let events = client.events(subscribe: [.status(.created)], options: options)
/// ```
public struct EventStreamOptions: Sendable, Hashable {
    /// How the API key reaches the server.
    public enum KeyPlacement: Sendable, Hashable {
        /// The `X-API-Key` header (default): the key never appears in URLs or proxy logs.
        case header
        /// The `api_key` query parameter, for servers that accept only that (EventSource
        /// clients cannot set headers).
        case queryParameter
    }

    /// The delay before the first reconnect after a failure; doubled for each further
    /// failure in a row.
    public var initialReconnectDelay: Duration
    /// The longest delay between reconnects.
    public var maxReconnectDelay: Duration
    /// Failures in a row after which the stream ends with the last error; `nil` never gives up.
    /// Authentication and permission failures (401, 403) end the stream at once regardless.
    public var maxReconnectAttempts: Int?
    /// Seconds without any byte from the server (events or pings) after which the connection
    /// is considered dead and re-established.
    public var idleTimeout: TimeInterval
    /// Where the API key is sent.
    public var keyPlacement: KeyPlacement
    /// The stream path under the base URL; the server serves `/events` and `/api/v1/events`.
    public var path: String
    /// Resume after this event (a ``HandoffRailEvent/id`` saved before a restart): the first
    /// connection sends it as `Last-Event-ID` and the server replays what came later, within
    /// its replay window. `nil` starts with events from now on.
    public var lastEventID: String?

    /// Defaults: reconnect forever from 1 s to 30 s, 75 s idle timeout, key in the header,
    /// events from now on.
    public init(
        initialReconnectDelay: Duration = .seconds(1),
        maxReconnectDelay: Duration = .seconds(30),
        maxReconnectAttempts: Int? = nil,
        idleTimeout: TimeInterval = 75,
        keyPlacement: KeyPlacement = .header,
        path: String = "/events",
        lastEventID: String? = nil
    ) {
        self.initialReconnectDelay = initialReconnectDelay
        self.maxReconnectDelay = maxReconnectDelay
        self.maxReconnectAttempts = maxReconnectAttempts
        self.idleTimeout = idleTimeout
        self.keyPlacement = keyPlacement
        self.path = path
        self.lastEventID = lastEventID
    }
}
