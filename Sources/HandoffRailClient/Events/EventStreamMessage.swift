import Foundation
import HandoffRailModels

/// Everything a live event stream reports: the events themselves plus the connection's
/// life (connected, keep-alive pings, reconnects).
///
/// Most code wants only the events — use ``HandoffRailClient/events(subscribe:options:)``.
/// Use ``HandoffRailClient/eventMessages(subscribe:options:)`` to show connection status
/// (a dashboard's "live" badge, a CLI's "reconnecting in 2 s…"), or to act only once the
/// server has confirmed the subscription.
///
/// ```swift
/// for try await message in client.eventMessages(subscribe: [.status(.created)]) {
///     switch message {
///     case .connected: print("live")
///     case .event(let event): print(event.type, event.packetID)
///     case .reconnecting(let attempt, let delay, let cause): print("retry \(attempt) in \(delay): \(cause)")
///     case .missedEvents: try await resynchronise()
///     case .ping, .unrecognized: break
///     }
/// }
/// ```
public enum EventStreamMessage: Sendable, Hashable {
    /// The server accepted the connection and serves these channels (wire form; empty means
    /// every event of the tenant). Sent again after every reconnect.
    case connected(subscriptions: [String])
    /// An event matching the subscription.
    case event(HandoffRailEvent)
    /// The server's keep-alive (every 30 s by default), with its timestamp when it sent one.
    case ping(Date?)
    /// The connection ended (`cause` says why) and the stream reconnects after `delay`,
    /// resuming from the last event id. `attempt` counts failures since the last
    /// successful connection, from 1.
    case reconnecting(attempt: Int, delay: Duration, cause: HandoffRailError)
    /// Follows ``connected(subscriptions:)`` when the server could not replay everything
    /// since event `after` (its replay window is bounded, by default 1000 events / 24 h):
    /// some events were lost, so re-read the state that matters (e.g. list packets).
    case missedEvents(after: String)
    /// A frame this SDK version does not know, passed on rather than dropped.
    case unrecognized(ServerSentEvent)
}

/// What one SSE frame means to the stream.
enum DecodedEventFrame: Sendable, Hashable {
    /// A message for the consumer.
    case message(EventStreamMessage)
    /// The server's first frame; `missedAfter` is the resume point when its replay was incomplete.
    case connected(subscriptions: [String], missedAfter: String?)
    /// The server's last frame before it drops the connection (`event: error`, e.g. a
    /// consumer too slow for the server's buffer), with its reason.
    case serverClosing(reason: String?)

    /// Decodes `frame` by its `event:` type: `connected`, `ping`, `error`, or an `Event`.
    init(_ frame: ServerSentEvent) {
        let json = try? JSONValue(parsing: Data(frame.data.utf8))
        switch frame.type {
        case "connected":
            let channels = json?["subscriptions"].flatMap(Self.strings) ?? []
            let replay = json?["replay"]
            let missedAfter = replay?["complete"] == .bool(false) ? (replay?["after"]?.stringValue ?? "") : nil
            self = .connected(subscriptions: channels, missedAfter: missedAfter)
        case "ping":
            let timestamp = json.flatMap { try? JSONValueDecoder().decode(PingBody.self, from: $0) }
            self = .message(.ping(timestamp?.timestamp?.date))
        case "error":
            self = .serverClosing(reason: json?["reason"]?.stringValue ?? json?["detail"]?.stringValue)
        default:
            if let event = try? HandoffRailJSON.decode(Event.self, from: Data(frame.data.utf8)) {
                self = .message(.event(HandoffRailEvent(event, id: frame.id)))
            } else {
                self = .message(.unrecognized(frame))
            }
        }
    }

    private static func strings(_ value: JSONValue) -> [String]? {
        guard case .array(let elements) = value else { return nil }
        return elements.compactMap(\.stringValue)
    }

    private struct PingBody: Decodable {
        var timestamp: WireDate?
    }
}
