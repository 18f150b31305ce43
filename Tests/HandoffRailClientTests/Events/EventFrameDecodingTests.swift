import Foundation
import HandoffRailModels
import Testing
@testable import HandoffRailClient

/// SSE frames become typed messages; channels and backoff delays have the right shape.
@Suite("Event frames, channels and backoff")
struct EventFrameDecodingTests {
    @Test("an event frame decodes into a typed event carrying the SSE id")
    func eventFrame() throws {
        let packetID = UUID()
        let data = #"{"type":"packet.claimed","packet_id":"\#(packetID.uuidString.lowercased())","data":{"status":"claimed","amount":2.5},"timestamp":"2026-11-22T08:00:00.123456Z"}"#
        let decoded = DecodedEventFrame(ServerSentEvent(type: "packet.claimed", data: data, id: "42"))
        guard case .message(.event(let event)) = decoded else {
            Issue.record("expected an event, got \(decoded)")
            return
        }
        #expect(event.type == .packetClaimed)
        #expect(event.packetID == packetID)
        #expect(event.id == "42")
        #expect(event.status == .claimed)
        #expect(event.data["amount"] == .number(2.5))
        #expect(abs(event.timestamp.timeIntervalSince1970 - 1_795_334_400.123456) < 0.000_01)
    }

    @Test("an unknown event type is kept as undocumented")
    func undocumentedType() {
        let data = #"{"type":"packet.archived","packet_id":"\#(UUID().uuidString)","data":{},"timestamp":"2026-11-22T08:00:00Z"}"#
        guard case .message(.event(let event)) = DecodedEventFrame(ServerSentEvent(type: "packet.archived", data: data)) else {
            Issue.record("expected an event")
            return
        }
        #expect(event.type == .undocumented("packet.archived"))
        #expect(event.id == nil)
    }

    @Test("connected, ping and error frames are control messages")
    func controlFrames() {
        #expect(DecodedEventFrame(ServerSentEvent(type: "connected", data: #"{"type":"connected","subscriptions":["status:created","agent:b"]}"#))
            == .connected(subscriptions: ["status:created", "agent:b"], missedAfter: nil))
        #expect(DecodedEventFrame(ServerSentEvent(type: "connected", data: "{}")) == .connected(subscriptions: [], missedAfter: nil))
        let ping = DecodedEventFrame(ServerSentEvent(type: "ping", data: #"{"type":"ping","timestamp":"2026-11-22T08:00:30Z"}"#))
        #expect(ping == .message(.ping(Date(timeIntervalSince1970: 1_795_334_430))))
        #expect(DecodedEventFrame(ServerSentEvent(type: "ping", data: "")) == .message(.ping(nil)))
        #expect(DecodedEventFrame(ServerSentEvent(type: "error", data: #"{"reason":"slow consumer"}"#)) == .serverClosing(reason: "slow consumer"))
    }

    @Test("a connected frame reporting an incomplete replay says where events went missing")
    func incompleteReplay() {
        let complete = #"{"type":"connected","subscriptions":[],"replay":{"after":"41","events":3,"complete":true}}"#
        #expect(DecodedEventFrame(ServerSentEvent(type: "connected", data: complete)) == .connected(subscriptions: [], missedAfter: nil))
        let incomplete = #"{"type":"connected","subscriptions":["status:created"],"replay":{"after":"41","events":1000,"complete":false}}"#
        #expect(DecodedEventFrame(ServerSentEvent(type: "connected", data: incomplete)) == .connected(subscriptions: ["status:created"], missedAfter: "41"))
    }

    @Test("a frame that is not an event is passed on, not dropped")
    func unrecognizedFrame() {
        let frame = ServerSentEvent(type: "message", data: "hello", id: "3")
        #expect(DecodedEventFrame(frame) == .message(.unrecognized(frame)))
    }

    @Test("channels have the server's wire form and parse back", arguments: [
        (EventChannel.status(.created), "status:created"),
        (.status(.awaitingHuman), "status:awaiting_human"),
        (.agent("billing-01"), "agent:billing-01"),
        (.packet(UUID(uuidString: "5F0C7B8E-1D2A-4C3B-9E8F-0A1B2C3D4E5F")!), "packet:5f0c7b8e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"),
        (.custom("tenant:all"), "tenant:all"),
    ])
    func channelWireForm(channel: EventChannel, wire: String) {
        #expect(channel.wireValue == wire)
        #expect(EventChannel(wireValue: wire) == channel)
    }

    @Test("backoff doubles from the base up to the cap, jitter keeps at least half")
    func backoffGrowth() {
        let backoff = ReconnectBackoff(initial: .seconds(1), maximum: .seconds(30))
        let full = (1...7).map { backoff.delay(attempt: $0, serverRetry: nil, random: { $0.upperBound }) }
        #expect(full == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(30), .seconds(30)])
        let half = (1...7).map { backoff.delay(attempt: $0, serverRetry: nil, random: { $0.lowerBound }) }
        #expect(half == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(15), .seconds(15)])
        #expect(backoff.delay(attempt: 1_000, serverRetry: nil, random: { $0.upperBound }) == .seconds(30))
    }

    @Test("the server's retry replaces the base and may exceed the cap")
    func backoffServerRetry() {
        let backoff = ReconnectBackoff(initial: .seconds(1), maximum: .seconds(30))
        #expect(backoff.delay(attempt: 1, serverRetry: .milliseconds(200), random: { $0.upperBound }) == .milliseconds(200))
        #expect(backoff.delay(attempt: 3, serverRetry: .milliseconds(200), random: { $0.upperBound }) == .milliseconds(800))
        #expect(backoff.delay(attempt: 5, serverRetry: .seconds(60), random: { $0.upperBound }) == .seconds(60))
        let longest = Duration.milliseconds(ServerSentEventParser.longestReconnectionDelay)
        #expect(backoff.delay(attempt: 64, serverRetry: longest, random: { $0.upperBound }) == longest)
    }
}
