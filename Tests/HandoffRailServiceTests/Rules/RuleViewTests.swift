import Foundation
import HandoffRailModels
@testable import HandoffRailService
import Testing

/// Rules read a reduced view of the packet; every variable a rule can name must resolve in it
/// exactly as in the packet's full wire JSON.
@Suite("Handoff rules: the packet view")
struct RuleViewTests {
    static func packets() throws -> [Packet] {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var full = PacketFactory.packet(from: PacketCreate(
            parentPacketId: UUID(),
            metadata: Metadata(
                sourceAgent: AgentInfo(id: "triage", name: "Triage", framework: "langchain", version: "2"),
                targetAgent: TargetAgentInfo(id: "billing", name: "Billing", framework: "crewai"),
                priority: .critical, tags: ["billing", "vip"]),
            context: PacketContext(
                summary: "Refund INV-1042",
                conversationState: [ContextEntry(role: .user, content: "I was charged twice.")],
                custom: ["amount": 1500, "customer": ["tier": "gold", "flags": ["fraud": false]], "note": .null]),
            hitl: HitlCheckpoint(required: true, reason: "approve")), now: now)
        full.status = .awaitingHuman
        let bare = PacketFactory.packet(from: PacketCreate(
            metadata: Metadata(sourceAgent: AgentInfo(id: "a", name: "A"), targetAgent: TargetAgentInfo(id: "b", name: "B")),
            context: PacketContext(summary: "Plain")), now: now)
        return [full, bare]
    }

    static let variables = RuleVariable.fixedPaths + [
        "context.custom.amount", "context.custom.customer.tier", "context.custom.customer.flags.fraud",
        "context.custom.note", "context.custom.absent",
    ]

    @Test("every fixed path and context.custom path resolves as in the full packet JSON")
    func sameAsFullJSON() throws {
        for packet in try Self.packets() {
            let full = try JSONValueEncoder().encode(packet)
            let view = try HandoffRailService.ruleView(of: packet)
            for text in Self.variables {
                let variable = try #require(RuleVariable(parsing: text))
                #expect(variable.resolve(in: view) == variable.resolve(in: full), "\(text) of \(packet.context.summary)")
            }
            #expect(view["metadata"]?["source_agent"]?["id"] == full["metadata"]?["source_agent"]?["id"])
            #expect(view["metadata"]?["target_agent"]?["id"] == full["metadata"]?["target_agent"]?["id"])
        }
    }
}
