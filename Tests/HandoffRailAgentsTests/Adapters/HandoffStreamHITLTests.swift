import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// A handoff created with a human checkpoint reaches its agent when the human answers: the
/// server makes it `claimed` for the target (it never is `created`), and `handoffs()` yields it.
@Suite("Adapters: handoffs() and human checkpoints", .timeLimit(.minutes(3)))
struct HandoffStreamHITLTests {
    typealias Support = AdapterTestSupport

    @Test("live events: the answered packet is yielded once, after the waiting one")
    func liveEvents() async throws {
        try await LiveEventsServer.run { server in
            try await Self.answeredIsYielded(client: server.client(), delivery: .liveEvents())
        }
    }

    @Test("polling: the same, and a polling interval of zero still works")
    func polling() async throws {
        let server = try await ClientTestServer.make()
        try await Self.answeredIsYielded(client: server.inProcessClient(), delivery: .polling(interval: .zero))
    }

    static func answeredIsYielded(client: HandoffRailClient, delivery: HandoffDelivery) async throws {
        let sender = HandoffAdapter.langChain(client: client, identity: Support.identity("sales", .langChain))
        let receiver = HandoffAdapter.openAIAgents(client: client, identity: Support.identity("billing", .openAIAgents))
        let conversation = try AgentSamples.langChain()
        let checkpoint = HitlCheckpoint(reason: "Refunds over 100 EUR need approval", question: "Approve?", options: ["approve", "deny"])
        let gated = try await sender.createHandoff(
            to: Support.target(receiver.identity), summary: "needs approval", conversation: conversation,
            details: HandoffDetails(hitl: checkpoint))
        #expect(gated.status == .awaitingHuman)
        #expect(try await receiver.pollForHandoff().isEmpty)

        var handoffs = receiver.handoffs(delivery: delivery).makeAsyncIterator()
        // A plain handoff first: once it is yielded the stream is listening.
        let plain = try await sender.createHandoff(to: Support.target(receiver.identity), summary: "plain", conversation: conversation)
        #expect(try #require(try await handoffs.next()).id == plain.id)

        _ = try await client.respond(gated.id, response: "approve", respondedBy: "alice")
        let answered = try #require(try await handoffs.next())
        #expect(answered.id == gated.id)
        #expect(answered.status == .claimed)
        #expect(answered.hitl?.response == "approve")
        #expect(answered.metadata.targetAgent.id == receiver.identity.id)
        #expect(try await receiver.answeredHandoffs().map(\.id) == [gated.id])
        // Taking both: the new one is claimed, the answered one is already the agent's.
        #expect(try await receiver.claimHandoff(answered).status == .claimed)
        let claimedPlain = try await receiver.claimHandoff(plain)
        #expect(claimedPlain.status == .claimed)
        #expect(claimedPlain.metadata.targetAgent.id == receiver.identity.id)

        // Neither is yielded again.
        let last = try await sender.createHandoff(to: Support.target(receiver.identity), summary: "last", conversation: conversation)
        #expect(try #require(try await handoffs.next()).id == last.id)
    }
}
