import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// The other ways into `claimed` go through the block rules too (over real sockets): a PATCH
/// to `claimed`, and a HITL response to a packet nobody has claimed yet (PATCH → awaiting_human,
/// then respond). A response to a packet an agent had claimed stays unblocked. And a rule body
/// with a misspelt member is refused (422) instead of becoming an unconditional rule.
@Suite("Handoff rules: PATCH and respond paths, strict bodies (HTTP)")
struct RuleClaimPathsHTTPTests {
    /// `refunds-need-approval`: claims of billing packets wait until `approved` is true.
    static let refundsNeedApproval = HandoffRuleCreate(
        name: "refunds-need-approval", match: HandoffRuleMatch(targetAgent: "billing"),
        condition: HandoffRuleCondition(operator: .and, comparisons: [
            HandoffRuleComparison(variable: "context.custom.approved", op: .eq, value: true),
        ]),
        action: HandoffRuleAction(type: .blockClaim, reason: "a manager must approve refunds first"))

    static func refund() -> PacketCreate {
        RulesHTTPTests.packet(custom: ["approved": false, "amount": 120])
    }

    /// The `HandoffRailError` a call threw, or nil when it succeeded.
    static func failure(_ body: () async throws -> some Any) async -> HandoffRailError? {
        do {
            _ = try await body()
            return nil
        } catch {
            return error as? HandoffRailError
        }
    }

    static func approve(_ packet: Packet, with client: HandoffRailClient) async throws {
        var context = packet.context
        context.custom["approved"] = true
        _ = try await client.updatePacket(packetId: packet.id, body: PacketUpdate(context: context))
    }

    @Test("PATCH status claimed is refused with 409 rule_blocked until the condition holds")
    func patchToClaimed() async throws {
        try await RulesLiveServer.run { url, admin, agent in
            _ = try await admin.createRule(Self.refundsNeedApproval)
            let packet = try await admin.createPacket(Self.refund())

            let error = await Self.failure { try await agent.updatePacket(packetId: packet.id, body: PacketUpdate(status: .claimed)) }
            #expect(error?.statusCode == 409)
            #expect(error?.serverCode == "rule_blocked")
            #expect(error?.detail?.contains("'refunds-need-approval'") == true)
            #expect(error?.detail?.contains("a manager must approve refunds first") == true)
            #expect(try await agent.getPacket(packetId: packet.id).status == .created)

            try await Self.approve(packet, with: admin)
            let claimed = try await agent.updatePacket(packetId: packet.id, body: PacketUpdate(status: .claimed))
            #expect(claimed.status == .claimed)
            #expect(claimed.metadata.claimedAt != nil)
        }
    }

    @Test("PATCH to awaiting_human then respond: the response is the first claim and is blocked until approved")
    func respondBeforeAnyClaim() async throws {
        try await RulesLiveServer.run { url, admin, agent in
            _ = try await admin.createRule(Self.refundsNeedApproval)
            let packet = try await admin.createPacket(Self.refund())
            let waiting = try await agent.updatePacket(packetId: packet.id, body: PacketUpdate(
                status: .awaitingHuman, hitl: .value(HitlCheckpoint(required: true, reason: "approve?"))))
            #expect(waiting.status == .awaitingHuman)

            let respond = RespondRequest(response: "approved", respondedBy: "manager")
            let error = await Self.failure { try await agent.respondToPacket(packetId: packet.id, body: respond) }
            #expect(error?.statusCode == 409)
            #expect(error?.serverCode == "rule_blocked")
            #expect(error?.detail?.contains("'refunds-need-approval'") == true)
            #expect(try await agent.getPacket(packetId: packet.id).status == .awaitingHuman)

            try await Self.approve(waiting, with: admin)
            let answered = try await agent.respondToPacket(packetId: packet.id, body: respond)
            #expect(answered.status == .claimed)
            #expect(answered.hitl?.respondedBy == "manager")
        }
    }

    @Test("a HITL response to a packet an agent had claimed is not blocked")
    func respondAfterClaim() async throws {
        try await RulesLiveServer.run { url, admin, agent in
            let packet = try await admin.createPacket(Self.refund())
            _ = try await agent.claimPacket(packetId: packet.id, body: ClaimRequest(agentId: "billing", agentName: "Billing"))
            _ = try await agent.updatePacket(packetId: packet.id, body: PacketUpdate(
                status: .awaitingHuman, hitl: .value(HitlCheckpoint(required: true, reason: "approve?"))))
            _ = try await admin.createRule(Self.refundsNeedApproval)   // added while the packet waits

            let answered = try await agent.respondToPacket(packetId: packet.id, body: RespondRequest(response: "ok", respondedBy: "manager"))
            #expect(answered.status == .claimed)
        }
    }

    @Test("unknown members anywhere in a rule body are 422, and no rule is created", arguments: [
        #"{"name": "t", "conditon": {"operator": "and", "comparisons": [{"variable": "status", "op": "eq", "value": "created"}]}, "action": {"type": "force_transfer", "target_agent": {"id": "x"}}}"#,
        #"{"name": "t", "action": {"type": "force_transfer", "target_agnet": {"id": "x"}}}"#,
        #"{"name": "t", "match": {"source": "triage"}, "action": {"type": "force_transfer", "target_agent": {"id": "x"}}}"#,
        #"{"name": "t", "condition": {"operator": "and", "comparisons": [{"variable": "status", "op": "eq", "valeu": "created"}]}, "action": {"type": "force_transfer", "target_agent": {"id": "x"}}}"#,
        #"{"name": "t", "action": {"type": "force_transfer", "target_agent": {"id": "x", "frameworks": "crewai"}}}"#,
    ])
    func typoIsRefused(_ body: String) async throws {
        let server = try await ClientTestServer.make()
        try await server.withLiveServer { url in
            var request = URLRequest(url: url.appendingPathComponent("api/v1/rules"))
            request.httpMethod = "POST"
            request.setValue(ClientTestServer.adminKey, forHTTPHeaderField: "X-API-Key")
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.utf8)
            let (data, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 422, "\(String(decoding: data, as: UTF8.self))")
            let admin = HandoffRailClient(baseURL: url, apiKey: ClientTestServer.adminKey)
            #expect(try await admin.listRules().total == 0)
        }
    }

    @Test("a PATCH with an unknown member is 422 too")
    func updateTypoIsRefused() async throws {
        let server = try await ClientTestServer.make()
        try await server.withLiveServer { url in
            let admin = HandoffRailClient(baseURL: url, apiKey: ClientTestServer.adminKey)
            let rule = try await admin.createRule(Self.refundsNeedApproval)
            var request = URLRequest(url: url.appendingPathComponent("api/v1/rules/\(rule.id.uuidString.lowercased())"))
            request.httpMethod = "PATCH"
            request.setValue(ClientTestServer.adminKey, forHTTPHeaderField: "X-API-Key")
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(#"{"enabeld": false}"#.utf8)
            let (_, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 422)
            #expect(try await admin.getRule(ruleId: rule.id).enabled)
        }
    }
}
