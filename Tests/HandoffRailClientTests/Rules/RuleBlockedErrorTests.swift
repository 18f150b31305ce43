import Foundation
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// A claim refused by a `block_claim` rule is a 409 like a lost race, but nobody holds the
/// packet: the SDK error names the rule (``HandoffRailError/blockingRule``) and has no
/// ``HandoffRailError/claimant``, so its one-line description never says "claimed by".
@Suite("HandoffRailError for claims blocked by handoff rules")
struct RuleBlockedErrorTests {
    @Test("blocked claim: blockingRule set, claimant nil, no 'claimed by'; a lost race keeps its claimant", arguments: TransportKind.allCases)
    func blockedClaim(_ transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let rule = try await client.createRule(HandoffRuleCreate(
                name: "refunds-need-approval", match: HandoffRuleMatch(targetAgent: "billing"),
                condition: HandoffRuleCondition(operator: .and, comparisons: [
                    HandoffRuleComparison(variable: "context.custom.approved", op: .eq, value: true),
                ]),
                action: HandoffRuleAction(type: .blockClaim, reason: "a manager must approve refunds first")))
            let packet = try await client.createPacket(PacketCreate(
                metadata: Metadata(sourceAgent: AgentInfo(id: "triage", name: "Triage"), targetAgent: TargetAgentInfo(id: "billing", name: "Billing")),
                context: PacketContext(summary: "Refund", custom: ["approved": false])))
            let claim = ClaimRequest(agentId: "billing", agentName: "Billing")

            let blocked = try await #require(throws: HandoffRailError.self) { try await client.claimPacket(packetId: packet.id, body: claim) }
            #expect(blocked.kind == .conflict)
            #expect(blocked.claimant == nil)
            #expect(blocked.serverCode == "rule_blocked")
            #expect(blocked.blockingRule == BlockingRule(name: "refunds-need-approval", id: rule.id, reason: "a manager must approve refunds first"))
            #expect(!blocked.description.contains("claimed by"))
            #expect(blocked.description.contains("refunds-need-approval"))

            // Approved: the claim goes through; a second claim is a plain conflict with a claimant.
            var context = packet.context
            context.custom["approved"] = true
            _ = try await client.updatePacket(packetId: packet.id, body: PacketUpdate(context: context))
            _ = try await client.claimPacket(packetId: packet.id, body: claim)
            let lost = try await #require(throws: HandoffRailError.self) {
                try await client.claimPacket(packetId: packet.id, body: ClaimRequest(agentId: "other", agentName: "Other"))
            }
            #expect(lost.claimant?.id == "billing")
            #expect(lost.blockingRule == nil)
            #expect(lost.serverCode == nil)
            #expect(lost.description.contains("claimed by Billing (billing)"))
        }
    }
}
