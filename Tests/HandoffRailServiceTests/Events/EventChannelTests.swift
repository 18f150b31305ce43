import Foundation
import HandoffRailModels
import HandoffRailService
import HandoffRailStorage
import Testing

@Suite("Event channels")
struct EventChannelTests {
    @Test("the three channel forms parse and print back", arguments: ["status:created", "status:awaiting_human", "agent:billing-01", "agent:a:b"])
    func roundTrip(text: String) throws {
        #expect(try EventChannel(parsing: text).description == text)
    }

    @Test("a packet channel accepts any case and prints lowercase")
    func packetChannel() throws {
        let id = UUID()
        let channel = try EventChannel(parsing: "packet:\(id.uuidString.uppercased())")
        #expect(channel == .packet(id))
        #expect(channel.description == "packet:\(id.uuidString.lowercased())")
    }

    @Test("unknown kinds, statuses, packet ids and empty agents are refused", arguments: ["", "created", "status:", "status:done", "packet:42", "agent:", "tenant:acme"])
    func invalid(text: String) {
        #expect(throws: EventChannelError.self) { try EventChannel(parsing: text) }
    }

    @Test("agent matches the source or the target agent; status and packet match their fields")
    func matching() {
        let packetID = UUID()
        let event = OutboxEvent.sample(sequence: 1, tenantID: "t", packetID: packetID, status: "claimed", source: "triage-01", target: "billing-01").event
        #expect(EventChannel.agent("triage-01").matches(event))
        #expect(EventChannel.agent("billing-01").matches(event))
        #expect(!EventChannel.agent("legal-01").matches(event))
        #expect(EventChannel.status(.claimed).matches(event))
        #expect(!EventChannel.status(.created).matches(event))
        #expect(EventChannel.packet(packetID).matches(event))
        #expect(!EventChannel.packet(UUID()).matches(event))
    }

    @Test("an empty filter admits everything; otherwise any channel must match")
    func filter() {
        let event = OutboxEvent.sample(sequence: 1, tenantID: "t", status: "completed").event
        #expect(EventChannelFilter().admits(event))
        #expect(EventChannelFilter([.status(.created), .status(.completed)]).admits(event))
        #expect(!EventChannelFilter([.status(.created), .agent("nobody")]).admits(event))
        #expect(EventChannelFilter([.status(.created), .agent("triage-01")]).names == ["agent:triage-01", "status:created"])
    }
}
