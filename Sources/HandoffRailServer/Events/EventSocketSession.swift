import Foundation
import HandoffRailModels
import HandoffRailService
import HummingbirdWebSocket
import Logging

/// One WebSocket connection: client messages change the subscription, committed events and
/// acknowledgements go out as text messages, in one ordered queue.
///
/// Client → server (`WebSocketClientMessage`): `{"action":"subscribe","channel":…}` →
/// `{"type":"subscribed","channel":…}`; `{"action":"unsubscribe","channel":…}` →
/// `{"type":"unsubscribed","channel":…}`; `{"action":"ping"}` → `{"type":"pong"}`. Anything
/// else → `{"type":"error","reason":"invalid_message","detail":…}` and the connection stays.
/// Server → client: each event as its `Event` JSON. A consumer that falls `bufferLimit` items
/// behind gets `{"type":"error","reason":"slow_consumer",…}` and a close with code 1008.
struct EventSocketSession: Sendable {
    let streaming: EventStreaming
    let caller: APICaller
    let filter: EventChannelFilter
    let logger: Logger

    func run(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter) async throws {
        let request = EventSubscriptionRequest(tenantID: caller.tenantID, filter: filter, bufferLimit: streaming.configuration.bufferLimit)
        try await streaming.bus.withSubscription(request) { subscription in
            // Client messages are read only once the fan-out tails the outbox, so every
            // commit after an acknowledgement (`subscribed`, `pong`) reaches the client.
            await streaming.bus.waitUntilLive()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { [maxBytes = streaming.configuration.maxInboundMessageBytes] in
                    // The peer's messages; when it closes (or on graceful shutdown, which closes
                    // the socket), the outgoing queue ends too.
                    defer { subscription.finish() }
                    for try await message in inbound.messages(maxSize: maxBytes) {
                        Self.handle(message, subscription)
                    }
                }
                defer { group.cancelAll() }
                do {
                    for try await item in subscription.items {
                        if subscription.isOverflowed { throw EventStreamError.slowConsumer(bufferLimit: streaming.configuration.bufferLimit) }
                        try await outbound.writeTextMessage(try Self.text(of: item))
                    }
                } catch let error as EventStreamError {
                    logger.notice("Dropping a slow WebSocket consumer", metadata: ["tenant": "\(caller.tenantID)", "reason": "\(error.reason)"])
                    try await outbound.writeTextMessage(EventControlMessage.error(reason: error.reason, detail: error.description).serializedString())
                    try await outbound.close(.policyViolation, reason: error.reason)
                }
            }
        }
    }

    /// The message text of a queued item: the `Event` JSON, or the control payload.
    static func text(of item: EventStreamItem) throws -> String {
        switch item {
        case .event(let event):
            return String(decoding: try HandoffRailJSON.encode(event.event), as: UTF8.self)
        case .control(_, let payload):
            return payload.serializedString()
        }
    }

    /// Applies one client message and queues its answer.
    static func handle(_ message: WebSocketMessage, _ subscription: EventSubscription) {
        let reply: JSONValue
        switch EventSocketCommand(message) {
        case .subscribe(let channel):
            subscription.subscribe(channel)
            reply = ["type": "subscribed", "channel": .string(channel.description)]
        case .unsubscribe(let channel):
            subscription.unsubscribe(channel)
            reply = ["type": "unsubscribed", "channel": .string(channel.description)]
        case .ping:
            reply = ["type": "pong"]
        case .invalid(let detail):
            reply = EventControlMessage.error(reason: "invalid_message", detail: detail)
        }
        subscription.enqueueControl(type: reply["type"]?.stringValue ?? "error", payload: reply)
    }
}

/// A client message, decoded and checked.
enum EventSocketCommand: Equatable {
    case subscribe(EventChannel)
    case unsubscribe(EventChannel)
    case ping
    case invalid(String)

    init(_ message: WebSocketMessage) {
        let data: Data
        switch message {
        case .text(let text): data = Data(text.utf8)
        case .binary(let buffer): data = Data(buffer.readableBytesView)
        }
        guard let decoded = try? HandoffRailJSON.decode(WebSocketClientMessage.self, from: data, strictEnums: true) else {
            self = .invalid(#"Expected {"action": "subscribe" | "unsubscribe" | "ping", "channel": …}"#)
            return
        }
        switch decoded.action {
        case .ping:
            self = .ping
        case .subscribe, .unsubscribe:
            guard let text = decoded.channel else {
                self = .invalid("\"\(decoded.action.rawValue)\" needs a \"channel\"")
                return
            }
            do {
                let channel = try EventChannel(parsing: text)
                self = decoded.action == .subscribe ? .subscribe(channel) : .unsubscribe(channel)
            } catch {
                self = .invalid(error.description)
            }
        case .undocumented(let action):
            self = .invalid("Unknown action \"\(action)\"")
        }
    }
}
