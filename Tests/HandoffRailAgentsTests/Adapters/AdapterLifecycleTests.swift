import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// Claim, complete, fail and poll through an adapter, against the real stack in-process and
/// over sockets.
@Suite("Adapters: claim, complete, fail, poll", .timeLimit(.minutes(3)))
struct AdapterLifecycleTests {
    typealias Support = AdapterTestSupport

    @Test("a second claimer gets a typed conflict naming the holder", arguments: TransportKind.allCases)
    func secondClaimerConflict(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let sender = HandoffAdapter.langChain(client: client, identity: Support.identity("sales", .langChain))
            let first = HandoffAdapter.googleADK(client: client, identity: Support.identity("billing", .googleADK))
            let second = HandoffAdapter.vercelAI(.v5, client: client, identity: Support.identity("billing-backup", .vercelAI))
            let packet = try await sender.createHandoff(to: Support.target(first.identity), summary: "Upgrade", conversation: try AgentSamples.langChain())
            try await first.claimHandoff(packet.id)
            let error = try await #require(throws: HandoffAdapterError.self) { try await second.claimHandoff(packet.id) }
            guard case .alreadyClaimed(let id, let holder, let underlying) = error else {
                Issue.record("expected alreadyClaimed, got \(error)")
                return
            }
            #expect(id == packet.id)
            #expect(holder.id == first.identity.id)
            #expect(holder.name == first.identity.name)
            #expect(underlying.statusCode == 409)
            #expect(error.description.contains(first.identity.id))
            #expect(!error.description.contains(ClientTestServer.adminKey))
            // A missing packet is still the SDK's not-found, not a conflict.
            let missing = try await #require(throws: HandoffRailError.self) { try await second.claimHandoff(UUID()) }
            #expect(missing.kind == .notFound)
        }
    }

    @Test("a claim refused by a block_claim handoff rule is claimBlocked with the rule and reason, not a holder", arguments: TransportKind.allCases)
    func ruleBlockedClaim(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            _ = try await client.createRule(HandoffRuleCreate(
                name: "refunds-wait",
                condition: HandoffRuleCondition(operator: .and, comparisons: [
                    HandoffRuleComparison(variable: "context.custom.approved", op: .eq, value: true),
                ]),
                action: HandoffRuleAction(type: .blockClaim, reason: "Refunds wait for a human")))
            let sender = HandoffAdapter.openAIAgents(client: client, identity: Support.identity("triage", .openAIAgents))
            let receiver = HandoffAdapter.langChain(client: client, identity: Support.identity("refunds", .langChain))
            let packet = try await sender.createHandoff(from: try AgentSamples.openAIAgents("handoff_input_data"), to: Support.target(receiver.identity))
            let error = try await #require(throws: HandoffAdapterError.self) { try await receiver.claimHandoff(packet.id) }
            guard case .claimBlocked(let id, let rule, let reason, let underlying) = error else {
                Issue.record("expected claimBlocked, got \(error)")
                return
            }
            #expect(id == packet.id)
            #expect(rule == "refunds-wait")
            #expect(reason == "Refunds wait for a human")
            #expect(underlying.statusCode == 409)
            #expect(error.description.contains("'refunds-wait'"))
            #expect(try await client.getPacket(packetId: packet.id).status == .created)
        }
    }

    @Test("complete records the result as a completed action; a pending action of that id moves over", arguments: TransportKind.allCases)
    func completeRecordsResult(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let sender = HandoffAdapter.openAIAgents(client: client, identity: Support.identity("triage", .openAIAgents))
            let receiver = HandoffAdapter.crewAI(client: client, identity: Support.identity("refunds", .crewAI))
            let details = HandoffDetails(pendingActions: [
                PendingAction(id: "refund", description: "Refund the duplicate charge", assignee: receiver.identity.id),
                PendingAction(id: "notify", description: "Tell the customer", assignee: receiver.identity.id),
            ])
            let packet = try await sender.createHandoff(
                from: try AgentSamples.openAIAgents("handoff_input_data"), to: Support.target(receiver.identity), details: details)
            try await receiver.claimHandoff(packet.id)
            let decision = Decision(id: "refund-amount", decision: "Refund 29.00", rationale: "Duplicate charge")
            let done = try await receiver.completeHandoff(packet.id, result: "Refunded 29.00 EUR", actionID: "refund", decisions: [decision])
            #expect(done.status == .completed)
            #expect(done.actions.pending.map(\.id) == ["notify"])
            let recorded = try #require(done.actions.completed.first)
            #expect(done.actions.completed.count == 1)
            #expect(recorded.id == "refund")
            #expect(recorded.description == "Refund the duplicate charge")
            #expect(recorded.result == "Refunded 29.00 EUR")
            #expect(recorded.completedBy == receiver.identity.id)
            #expect(recorded.completedAt != nil)
            #expect(done.decisions.map(\.id).contains("refund-amount"))
            #expect(done.metadata.completedAt != nil)
        }
    }

    @Test("complete without a result only changes the status; fail records the reason and the packet can be claimed again", arguments: TransportKind.allCases)
    func completeAndFail(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let sender = HandoffAdapter.vercelAI(.v4, client: client, identity: Support.identity("web", .vercelAI))
            let receiver = HandoffAdapter.webAgents(client: client, identity: Support.identity("concierge", .webAgents))
            let target = Support.target(receiver.identity)
            let plain = try await sender.createHandoff(to: target, summary: "Weather", conversation: try AgentSamples.vercelV4())
            try await receiver.claimHandoff(plain.id)
            let completed = try await receiver.completeHandoff(plain.id)
            #expect(completed.status == .completed)
            #expect(completed.actions.completed.isEmpty)

            let failing = try await sender.createHandoff(to: target, summary: "Weather again", conversation: try AgentSamples.vercelV4())
            try await receiver.claimHandoff(failing.id)
            let failed = try await receiver.failHandoff(failing.id, reason: "Weather service unreachable")
            #expect(failed.status == .failed)
            let reason = try #require(failed.decisions.first { $0.id == HandoffRailClient.failureDecisionID })
            #expect(reason.rationale == "Weather service unreachable")
            #expect(reason.decidedBy == receiver.identity.id)
            #expect(try await receiver.claimHandoff(failing.id).status == .claimed)
        }
    }

    @Test("pollForHandoff: the waiting packets addressed to this agent only, [] when none", arguments: TransportKind.allCases)
    func poll(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let sender = HandoffAdapter.langChain(client: client, identity: Support.identity("sales", .langChain))
            let receiver = HandoffAdapter.googleADK(client: client, identity: Support.identity("support", .googleADK))
            let bystander = Support.identity("bystander", .crewAI)
            #expect(try await receiver.pollForHandoff().isEmpty)
            let conversation = try AgentSamples.langChain()
            let older = try await sender.createHandoff(to: Support.target(receiver.identity), summary: "First", conversation: conversation)
            _ = try await sender.createHandoff(to: Support.target(bystander), summary: "Not for support", conversation: conversation)
            let newer = try await sender.createHandoff(to: Support.target(receiver.identity), summary: "Second", conversation: conversation)
            #expect(Set(try await receiver.pollForHandoff(timeout: .seconds(30)).map(\.id)) == [newer.id, older.id])
            try await receiver.claimHandoff(newer.id)
            #expect(try await receiver.pollForHandoff(limit: 5).map(\.id) == [older.id])
        }
    }

    @Test("pollForHandoff waits up to its timeout and gives [] when nothing arrives")
    func pollTimesOut() async throws {
        let server = try await ClientTestServer.make()
        let receiver = HandoffAdapter.langChain(client: server.inProcessClient(), identity: Support.identity("idle", .langChain))
        let clock = ContinuousClock()
        let started = clock.now
        #expect(try await receiver.pollForHandoff(timeout: .milliseconds(600), interval: .milliseconds(200)).isEmpty)
        #expect(clock.now - started >= .milliseconds(600))
    }
}
