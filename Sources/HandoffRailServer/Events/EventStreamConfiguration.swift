import Foundation
import HandoffRailService

/// Settings of the live-event endpoints (`/events`, `/ws`) and of the fan-out behind them.
///
/// ```swift
/// var configuration = EventStreamConfiguration()
/// configuration.heartbeatInterval = .milliseconds(200)   // tests
/// configuration.bufferLimit = 8
/// ```
public struct EventStreamConfiguration: Sendable, Hashable {
    /// How often an SSE stream sends `event: ping` (PROTOCOL.md: every 30 s).
    public var heartbeatInterval: Duration
    /// Items a connection may fall behind before it is dropped as a slow consumer. Queued
    /// events share their storage with every other subscriber holding them, so the memory a
    /// lagging connection can pin is at most `bufferLimit` events (each about the size of its
    /// packet summary plus half a kilobyte).
    public var bufferLimit: Int
    /// How far back `Last-Event-ID` is honoured.
    public var replay: EventReplayPolicy
    /// How often the fan-out reads the outbox when no commit announced itself (a safety net).
    public var pollInterval: Duration
    /// The largest message a WebSocket client may send (subscribe / unsubscribe / ping).
    public var maxInboundMessageBytes: Int
    /// The WebSocket's own ping frames (answered by every client library), so dead peers are noticed.
    public var webSocketPingInterval: Duration

    public init(
        heartbeatInterval: Duration = .seconds(30),
        bufferLimit: Int = 256,
        replay: EventReplayPolicy = EventReplayPolicy(),
        pollInterval: Duration = .seconds(1),
        maxInboundMessageBytes: Int = 16 * 1024,
        webSocketPingInterval: Duration = .seconds(30)
    ) {
        self.heartbeatInterval = heartbeatInterval
        self.bufferLimit = bufferLimit
        self.replay = replay
        self.pollInterval = pollInterval
        self.maxInboundMessageBytes = maxInboundMessageBytes
        self.webSocketPingInterval = webSocketPingInterval
    }
}
