import Foundation
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// A forced transfer is visible in live events: `packet.created` names the forced target and
/// a subscriber of the forced agent's channel receives it; the original target's channel
/// does not.
@Suite("Handoff rules and live events")
struct RuleLiveEventsTests {
    @Test("packet.created carries the target a force_transfer rule chose")
    func createdEventShowsForcedTarget() async throws {
        try await LiveEventsServer.run { server in
            let client = server.client()
            _ = try await client.createRule(HandoffRuleCreate(
                name: "critical-to-oncall",
                condition: HandoffRuleCondition(operator: .and, comparisons: [HandoffRuleComparison(variable: "metadata.priority", op: .eq, value: "critical")]),
                action: HandoffRuleAction(type: .forceTransfer, targetAgent: HandoffRuleTarget(id: "oncall", name: "On-call"))))
            let oncall = try await EventSubscriber.start(client, subscribe: [.agent("oncall")])
            let billing = try await EventSubscriber.start(client, subscribe: [.agent("billing")])

            func packet(_ priority: Priority) -> PacketCreate {
                PacketCreate(
                    metadata: Metadata(sourceAgent: AgentInfo(id: "triage", name: "Triage"), targetAgent: TargetAgentInfo(id: "billing", name: "Billing"), priority: priority),
                    context: PacketContext(summary: "Outage report"))
            }
            let forced = try await client.createPacket(packet(.critical))
            let sentinel = try await client.createPacket(packet(.normal))
            #expect(forced.metadata.targetAgent.id == "oncall")

            let oncallEvents = try await oncall.events(through: { $0.packetID == forced.id })
            let created = try #require(oncallEvents.first { $0.packetID == forced.id })
            #expect(created.type == .packetCreated)
            #expect(created.data["target_agent_id"] == "oncall")

            let billingEvents = try await billing.events(through: { $0.packetID == sentinel.id })
            #expect(!billingEvents.contains { $0.packetID == forced.id })
            #expect(billingEvents.last?.data["target_agent_id"] == "billing")
            oncall.stop()
            billing.stop()
        }
    }
}
