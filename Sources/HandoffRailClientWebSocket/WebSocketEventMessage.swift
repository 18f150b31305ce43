import Foundation
import HandoffRailClient

/// Everything a WebSocket event session reports: the events plus the connection's life
/// (connected, reconnecting).
///
/// Most code wants only the events — use ``HandoffRailClient/webSocketEvents(subscribe:options:)``.
/// Use ``HandoffRailClient/webSocketEventMessages(subscribe:options:)`` to show connection
/// status, or to act only once the server has confirmed the channels.
///
/// Unlike the SSE stream, a WebSocket has no resume point: events committed while the
/// session was reconnecting are not replayed. After ``reconnecting(attempt:delay:cause:)``,
/// re-read the state that matters, or use the SSE stream
/// (``HandoffRailClient/events(subscribe:options:)``) when no event may be missed.
///
/// ```swift
/// for try await message in client.webSocketEventMessages(subscribe: [.status(.created)]) {
///     switch message {
///     case .connected(let channels): print("live on", channels)
///     case .event(let event): print(event.type, event.packetID)
///     case .reconnecting(let attempt, let delay, let cause): print("retry \(attempt) in \(delay): \(cause)")
///     case .unrecognized: break
///     }
/// }
/// ```
public enum WebSocketEventMessage: Sendable, Hashable {
    /// The server confirmed these channels (empty: every event of the tenant); every event
    /// committed from now on is delivered. Sent again after every reconnect.
    case connected(subscriptions: [EventChannel])
    /// An event matching the session's channels.
    case event(HandoffRailEvent)
    /// The connection ended (`cause` says why) and the session reconnects after `delay`,
    /// subscribing its current channels again. `attempt` counts failures since the last
    /// confirmed connection, from 1.
    case reconnecting(attempt: Int, delay: Duration, cause: HandoffRailError)
    /// A server message this SDK version does not know (its text), passed on rather than dropped.
    case unrecognized(String)
}
