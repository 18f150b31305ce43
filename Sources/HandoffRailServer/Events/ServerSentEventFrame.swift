import Foundation
import HandoffRailModels
import HandoffRailService
import HandoffRailStorage
import NIOCore

/// One Server-Sent Events frame: optional `id:`, `event:`, one `data:` line per line of the
/// JSON, and the blank line that ends it.
///
/// ```swift
/// ServerSentEventFrame(event: outboxEvent).bytes
/// // id: 42\nevent: packet.created\ndata: {"type":"packet.created",…}\n\n
/// ```
struct ServerSentEventFrame: Sendable, Hashable {
    var id: String?
    var event: String
    var data: String

    init(id: String? = nil, event: String, data: String) {
        self.id = id
        self.event = event
        self.data = data
    }

    /// A committed event: `id` is its outbox sequence, `data` the event JSON.
    init(event committed: OutboxEvent) throws {
        let json = try HandoffRailJSON.encode(committed.event)
        self.init(id: String(committed.sequence), event: committed.event.type.rawValue, data: String(decoding: json, as: UTF8.self))
    }

    /// A transport message (`ping`, `error`, `connected`): `event` is its type.
    init(control type: String, payload: JSONValue) {
        self.init(event: type, data: payload.serializedString())
    }

    /// The frame as written on the wire.
    var bytes: ByteBuffer {
        var text = ""
        if let id { text += "id: \(id)\n" }
        text += "event: \(event)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line)\n"
        }
        text += "\n"
        return ByteBuffer(string: text)
    }
}

/// The JSON of the transport's own messages, shared by SSE and WebSocket.
enum EventControlMessage {
    /// `{"type":"ping","timestamp":…}`.
    static func ping(now: Date) -> JSONValue {
        ["type": "ping", "timestamp": .string(RFC3339.format(now))]
    }

    /// `{"type":"error","reason":…,"detail":…}` — the last message before the server hangs up.
    static func error(reason: String, detail: String) -> JSONValue {
        ["type": "error", "reason": .string(reason), "detail": .string(detail)]
    }
}
