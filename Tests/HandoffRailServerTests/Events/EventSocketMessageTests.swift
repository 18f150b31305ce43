import Foundation
import HandoffRailModels
import HandoffRailService
import HandoffRailStorage
import HummingbirdWebSocket
import NIOCore
import Testing

@testable import HandoffRailServer

/// The WebSocket protocol's messages and the SSE frame format, without a socket (the socket
/// paths run in `tests/python/events_scenario.py` with the SDK's `HandoffRailWSClient`).
@Suite("WebSocket messages and SSE frames")
struct EventSocketMessageTests {
    @Test("subscribe / unsubscribe / ping decode; bad messages are explained, not fatal")
    func commands() throws {
        let id = UUID()
        #expect(EventSocketCommand(.text(#"{"action":"subscribe","channel":"status:created"}"#)) == .subscribe(.status(.created)))
        #expect(EventSocketCommand(.text(#"{"action":"unsubscribe","channel":"packet:\#(id.uuidString)"}"#)) == .unsubscribe(.packet(id)))
        #expect(EventSocketCommand(.text(#"{"action":"ping"}"#)) == .ping)
        #expect(EventSocketCommand(.binary(ByteBuffer(string: #"{"action":"ping"}"#))) == .ping)
        for text in [#"{"action":"subscribe"}"#, #"{"action":"dance"}"#, "not json", #"{"action":"subscribe","channel":"colour:blue"}"#] {
            guard case .invalid(let detail) = EventSocketCommand(.text(text)) else {
                Issue.record("\(text) was accepted")
                continue
            }
            #expect(!detail.isEmpty)
        }
    }

    @Test("each client message is answered in the subscription's queue and changes its channels")
    func answers() async throws {
        let bus = InProcessEventBus()
        let answers: [JSONValue] = try await bus.withSubscription(EventSubscriptionRequest(tenantID: "acme", bufferLimit: 16)) { subscription in
            EventSocketSession.handle(.text(#"{"action":"subscribe","channel":"agent:billing-01"}"#), subscription)
            #expect(subscription.filter.channels == [.agent("billing-01")])
            EventSocketSession.handle(.text(#"{"action":"ping"}"#), subscription)
            EventSocketSession.handle(.text(#"{"action":"unsubscribe","channel":"agent:billing-01"}"#), subscription)
            #expect(subscription.filter.channels.isEmpty)
            EventSocketSession.handle(.text(#"{"action":"jump"}"#), subscription)
            subscription.finish()
            var answers: [JSONValue] = []
            for try await item in subscription.items {
                answers.append(try JSONValue(parsing: EventSocketSession.text(of: item)))
            }
            return answers
        }
        #expect(answers.count == 4)
        #expect(answers[0] == ["type": "subscribed", "channel": "agent:billing-01"])
        #expect(answers[1] == ["type": "pong"])
        #expect(answers[2] == ["type": "unsubscribed", "channel": "agent:billing-01"])
        #expect(answers[3]["type"] == "error")
        #expect(answers[3]["reason"] == "invalid_message")
    }

    @Test("an SSE event frame carries id, event and the event JSON; multi-line data is split")
    func frames() throws {
        let packetID = UUID()
        let event = OutboxEvent(
            sequence: 42, id: UUID(), tenantID: "acme",
            event: Event(type: .packetClaimed, packetId: packetID, data: ["status": "claimed"], timestamp: Date(timeIntervalSince1970: 1_800_000_000)))
        let text = String(buffer: try ServerSentEventFrame(event: event).bytes)
        #expect(text.hasPrefix("id: 42\nevent: packet.claimed\ndata: {"))
        #expect(text.hasSuffix("}\n\n"))
        let data = try JSONValue(parsing: String(text.split(separator: "\n")[2].dropFirst(6)))
        #expect(data["packet_id"] == .string(packetID.uuidString.lowercased()))
        #expect(data["timestamp"] == "2027-01-15T08:00:00Z")
        #expect(String(buffer: ServerSentEventFrame(event: "note", data: "a\nb").bytes) == "event: note\ndata: a\ndata: b\n\n")
    }
}
