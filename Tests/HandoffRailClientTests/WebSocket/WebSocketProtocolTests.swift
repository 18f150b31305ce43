import Foundation
import HandoffRailModels
import HTTPTypes
import Testing
@testable import HandoffRailClientWebSocket

/// The pieces of the WebSocket client that need no server: message decoding, the URL and
/// headers of the upgrade. (The reconnect delays are `ReconnectBackoff`, shared with the SSE
/// stream and tested in `EventFrameDecodingTests`.)
@Suite("WebSocket protocol pieces")
struct WebSocketProtocolTests {
    @Test("server messages decode by type: replies, events, closing errors, anything else")
    func serverMessages() throws {
        #expect(WebSocketServerMessage(text: #"{"type":"subscribed","channel":"status:created"}"#) == .reply(.subscribed))
        #expect(WebSocketServerMessage(text: #"{"type":"unsubscribed","channel":"status:created"}"#) == .reply(.unsubscribed))
        #expect(WebSocketServerMessage(text: #"{"type":"pong"}"#) == .reply(.pong))
        #expect(WebSocketServerMessage(text: #"{"type":"error","reason":"invalid_message","detail":"Unknown channel"}"#) == .reply(.rejected(detail: "Unknown channel")))
        #expect(WebSocketServerMessage(text: #"{"type":"error","reason":"slow_consumer","detail":"behind"}"#) == .closing(reason: "slow_consumer"))
        #expect(WebSocketServerMessage(text: "not json") == .unrecognized("not json"))
        #expect(WebSocketServerMessage(text: #"{"type":"surprise"}"#) == .unrecognized(#"{"type":"surprise"}"#))

        let id = UUID()
        let text = #"{"type":"packet.claimed","packet_id":"\#(id.uuidString.lowercased())","data":{"status":"claimed","target_agent_id":"billing-01"},"timestamp":"2026-11-22T08:00:00.5Z"}"#
        guard case .event(let event) = WebSocketServerMessage(text: text) else {
            Issue.record("not an event")
            return
        }
        #expect(event.type == .packetClaimed)
        #expect(event.packetID == id)
        #expect(event.status == .claimed)
        #expect(event.data["target_agent_id"] == .string("billing-01"))
        #expect(event.id == nil)
    }

    @Test("client messages are the spec's WebSocketClientMessage")
    func clientMessages() throws {
        let id = UUID()
        #expect(try JSONValue(parsing: WebSocketCommand.subscribe(.packet(id)).text()) == ["action": "subscribe", "channel": .string("packet:\(id.uuidString.lowercased())")])
        #expect(try JSONValue(parsing: WebSocketCommand.unsubscribe(.status(.awaitingHuman)).text()) == ["action": "unsubscribe", "channel": "status:awaiting_human"])
        #expect(try JSONValue(parsing: WebSocketCommand.ping.text()) == ["action": "ping"])
    }

    @Test("the upgrade URL keeps host, port and base path; the key goes in the header or the query")
    func endpoint() throws {
        let key = "hr_key+with/odd=chars"
        let header = try WebSocketEndpoint(baseURL: URL(string: "https://rail.example.com:8443/prefix/")!, apiKey: key, userAgent: "ua/1", options: .init())
        #expect(header.url == "wss://rail.example.com:8443/prefix/ws")
        #expect(header.configuration.additionalHeaders[HTTPField.Name("X-API-Key")!] == key)
        #expect(header.configuration.additionalHeaders[.userAgent] == "ua/1")

        var options = WebSocketEventOptions()
        options.keyPlacement = .queryParameter
        options.path = "api/v1/ws"
        let query = try WebSocketEndpoint(baseURL: URL(string: "http://127.0.0.1:8080")!, apiKey: key, userAgent: "ua/1", options: options)
        #expect(query.url == "ws://127.0.0.1:8080/api/v1/ws?api_key=hr_key%2Bwith%2Fodd%3Dchars")
        #expect(query.configuration.additionalHeaders[HTTPField.Name("X-API-Key")!] == nil)

        let error = #expect(throws: HandoffRailError.self) {
            try WebSocketEndpoint(baseURL: URL(string: "ftp://example.com")!, apiKey: key, userAgent: "ua/1", options: .init())
        }
        #expect(error?.kind == .connection)
    }
}
