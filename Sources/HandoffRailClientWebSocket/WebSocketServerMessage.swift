import Foundation
import HandoffRailClient
import HandoffRailModels

/// One text message from the server's `/ws`, decoded by its `type`.
///
/// Replies answer the client's messages one for one, in order: `subscribed`, `unsubscribed`,
/// `pong`, or `error` with reason `invalid_message`. Any other `error` (e.g. `slow_consumer`)
/// announces that the server is about to close the connection.
enum WebSocketServerMessage: Sendable, Hashable {
    /// The answer to the oldest unanswered client message.
    case reply(WebSocketReply)
    /// An event matching the subscription.
    case event(HandoffRailEvent)
    /// The server's last word before closing (`reason`, e.g. `slow_consumer`).
    case closing(reason: String)
    /// Anything else, kept verbatim.
    case unrecognized(String)

    init(text: String) {
        guard let json = try? JSONValue(parsing: text), let type = json["type"]?.stringValue else {
            self = .unrecognized(text)
            return
        }
        switch type {
        case "subscribed": self = .reply(.subscribed)
        case "unsubscribed": self = .reply(.unsubscribed)
        case "pong": self = .reply(.pong)
        case "error":
            let reason = json["reason"]?.stringValue ?? "error"
            if reason == "invalid_message" {
                self = .reply(.rejected(detail: json["detail"]?.stringValue ?? "invalid message"))
            } else {
                self = .closing(reason: reason)
            }
        default:
            if let event = try? HandoffRailJSON.decode(Event.self, from: Data(text.utf8)) {
                self = .event(HandoffRailEvent(event, id: nil))
            } else {
                self = .unrecognized(text)
            }
        }
    }
}

/// The server's answer to one client message.
enum WebSocketReply: Sendable, Hashable {
    case subscribed
    case unsubscribed
    case pong
    /// `{"type":"error","reason":"invalid_message","detail":…}`: the message (typically its
    /// channel) was refused; the connection stays open.
    case rejected(detail: String)
}

/// A message the client sends (`WebSocketClientMessage` on the wire).
enum WebSocketCommand: Sendable, Hashable {
    case subscribe(EventChannel)
    case unsubscribe(EventChannel)
    case ping

    /// The JSON text sent to the server.
    func text() throws -> String {
        let message = switch self {
        case .subscribe(let channel): WebSocketClientMessage(action: .subscribe, channel: channel.wireValue)
        case .unsubscribe(let channel): WebSocketClientMessage(action: .unsubscribe, channel: channel.wireValue)
        case .ping: WebSocketClientMessage(action: .ping)
        }
        return String(decoding: try HandoffRailJSON.encode(message), as: UTF8.self)
    }
}
