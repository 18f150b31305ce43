import Foundation
import HandoffRailModels
import HandoffRailTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket

/// A small Hummingbird server on 127.0.0.1 (port 0) speaking the `/ws` protocol from a script,
/// for what the real server cannot be made to do on cue: drop a connection mid-session, send
/// an event before acknowledging, refuse upgrades.
///
/// Serving, it acknowledges `subscribe` / `unsubscribe` / `ping` like the real server, sends
/// ``earlyPacketID``'s event as soon as a connection opens (before any acknowledgement) and
/// ``livePacketID``'s after each connection's first `pong`. With `dropOnSecondPing` the first
/// connection closes when its second `ping` arrives, without answering it.
enum ScriptedWebSocketServer {
    enum Script: Sendable {
        case serve(dropOnSecondPing: Bool)
        /// Every upgrade is refused (an empty 400); a plain `GET /ws` answers `plainStatus`.
        case refuse(plainStatus: Int)
    }

    static let earlyPacketID = UUID(uuidString: "00000000-0000-4000-8000-00000000000e")!
    static let livePacketID = UUID(uuidString: "00000000-0000-4000-8000-00000000000f")!

    static func run<Value: Sendable>(
        _ script: Script, _ body: @Sendable (URL, ScriptedWebSocketLog) async throws -> Value
    ) async throws -> Value {
        let log = ScriptedWebSocketLog()
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.ws("/ws", shouldUpgrade: { request, _ in
            await log.recordUpgrade(apiKey: request.headers[HTTPField.Name("X-API-Key")!])
            if case .refuse = script { return .dontUpgrade }
            return .upgrade([:])
        }, onUpgrade: { inbound, outbound, _ in
            let connection = await log.openConnection()
            try await outbound.writeTextMessage(eventText(earlyPacketID))
            var pings = 0
            for try await message in inbound.messages(maxSize: 1 << 16) {
                guard case .text(let text) = message, let json = try? JSONValue(parsing: text) else { continue }
                await log.record(json, connection: connection)
                let channel = json["channel"]?.stringValue ?? ""
                switch json["action"]?.stringValue {
                case "subscribe": try await outbound.writeTextMessage(#"{"type":"subscribed","channel":"\#(channel)"}"#)
                case "unsubscribe": try await outbound.writeTextMessage(#"{"type":"unsubscribed","channel":"\#(channel)"}"#)
                case "ping":
                    pings += 1
                    if case .serve(true) = script, connection == 0, pings == 2 { return }
                    try await outbound.writeTextMessage(#"{"type":"pong"}"#)
                    if pings == 1 { try await outbound.writeTextMessage(eventText(livePacketID)) }
                default: try await outbound.writeTextMessage(#"{"type":"error","reason":"invalid_message","detail":"?"}"#)
                }
            }
        })
        // Requests without `Upgrade` go to the HTTP router: the diagnosis of a refused upgrade.
        let httpRouter = Router()
        httpRouter.get("/ws") { _, _ -> Response in
            if case .refuse(let status) = script { throw HTTPError(HTTPResponse.Status(code: status)) }
            throw HTTPError(HTTPResponse.Status(code: 426))
        }
        return try await EphemeralServer.run(
            router: httpRouter, server: .http1WebSocketUpgrade(webSocketRouter: router), loggerLabel: "ws-test-server"
        ) { baseURL in
            try await body(baseURL, log)
        }
    }

    /// An event message about `packetID`.
    static func eventText(_ packetID: UUID) -> String {
        #"{"type":"packet.created","packet_id":"\#(packetID.uuidString.lowercased())","data":{"status":"created"},"timestamp":"2026-11-22T08:00:00Z"}"#
    }
}

/// What the scripted server saw.
actor ScriptedWebSocketLog {
    /// The `X-API-Key` header of each upgrade request, in order.
    private(set) var upgradeKeys: [String?] = []
    /// The client messages of each connection, in order.
    private(set) var messages: [[JSONValue]] = []

    func recordUpgrade(apiKey: String?) {
        upgradeKeys.append(apiKey)
    }

    func openConnection() -> Int {
        messages.append([])
        return messages.count - 1
    }

    func record(_ message: JSONValue, connection: Int) {
        messages[connection].append(message)
    }
}
