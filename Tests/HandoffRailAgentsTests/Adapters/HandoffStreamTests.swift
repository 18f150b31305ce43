import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// `handoffs()`: what was waiting before iteration, then new handoffs as they are created,
/// each once, only this agent's.
@Suite("Adapters: the handoffs() stream", .timeLimit(.minutes(3)))
struct HandoffStreamTests {
    typealias Support = AdapterTestSupport

    @Test("live events: a packet created before the stream started is yielded once, later ones arrive live, others' never")
    func liveEvents() async throws {
        try await LiveEventsServer.run { server in
            let client = server.client()
            try await Self.waitingThenNew(client: client, delivery: .liveEvents())
        }
    }

    @Test("polling (in-process client): the same guarantees")
    func polling() async throws {
        let server = try await ClientTestServer.make()
        try await Self.waitingThenNew(client: server.inProcessClient(), delivery: .polling(interval: .milliseconds(100)))
    }

    @Test("automatic delivery polls for an in-process client; live events need a base URL")
    func automaticAndUnavailable() async throws {
        let server = try await ClientTestServer.make()
        let client = server.inProcessClient()
        try await Self.waitingThenNew(client: client, delivery: .automatic)

        let adapter = HandoffAdapter.langChain(client: client, identity: Support.identity("billing", .langChain))
        var live = adapter.handoffs(delivery: .liveEvents()).makeAsyncIterator()
        let error = try await #require(throws: HandoffRailError.self) { _ = try await live.next() }
        #expect(error.kind == .connection)
    }

    /// Creates one packet before iterating and checks it comes first, then creates more while
    /// iterating (one for another agent, one claimed before the stream reaches it is fine
    /// either way) and checks each of this agent's arrives exactly once.
    static func waitingThenNew(client: HandoffRailClient, delivery: HandoffDelivery) async throws {
        let sender = HandoffAdapter.langChain(client: client, identity: Support.identity("sales", .langChain))
        let receiver = HandoffAdapter.openAIAgents(client: client, identity: Support.identity("billing", .openAIAgents))
        let other = Support.identity("archive", .crewAI)
        let conversation = try AgentSamples.langChain()
        func send(_ summary: String, to target: AgentIdentity) async throws -> Packet {
            try await sender.createHandoff(to: Support.target(target), summary: summary, conversation: conversation)
        }

        let before = try await send("created before the stream", to: receiver.identity)
        var handoffs = receiver.handoffs(delivery: delivery).makeAsyncIterator()
        let first = try #require(try await handoffs.next())
        #expect(first.id == before.id)
        #expect(first.status == .created)

        // The stream is subscribed (it listed after connecting), so these arrive as events.
        _ = try await send("for someone else", to: other)
        let during = try await send("created while streaming", to: receiver.identity)
        let second = try #require(try await handoffs.next())
        #expect(second.id == during.id)
        #expect(second.context.summary == "created while streaming")

        let last = try await send("the last one", to: receiver.identity)
        let third = try #require(try await handoffs.next())
        #expect(third.id == last.id)  // not `before` or `during` again, not the other agent's
        #expect(third.metadata.targetAgent.id == receiver.identity.id)
    }
}
