import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// Handoff rules end to end over real sockets (127.0.0.1, a free port): the generated routes,
/// role checks, the service's create and claim paths, and the SQLite store.
@Suite("Handoff rules over HTTP")
struct RulesHTTPTests {
    static func packet(from source: String = "triage", to target: String = "billing", priority: Priority = .normal,
                       custom: [String: JSONValue] = [:]) -> PacketCreate {
        PacketCreate(
            metadata: Metadata(sourceAgent: AgentInfo(id: source, name: source.capitalized), targetAgent: TargetAgentInfo(id: target, name: target.capitalized),
                               priority: priority, tags: ["billing"]),
            context: PacketContext(summary: "Refund request", custom: custom))
    }

    static func transfer(to id: String, name: String? = nil) -> HandoffRuleAction {
        HandoffRuleAction(type: .forceTransfer, targetAgent: HandoffRuleTarget(id: id, name: name))
    }

    static func condition(_ comparisons: HandoffRuleComparison..., joinedBy op: HandoffRuleOperator = .and) -> HandoffRuleCondition {
        HandoffRuleCondition(operator: op, comparisons: comparisons)
    }

    /// The HTTP status of a flat call that must fail.
    static func status(_ body: () async throws -> some Any) async -> (Int?, HandoffRailError?) {
        do {
            _ = try await body()
            return (nil, nil)
        } catch let error as HandoffRailError {
            return (error.statusCode, error)
        } catch {
            return (nil, nil)
        }
    }

    @Test("CRUD, evaluation order, 422 validation, 409 names, 403 for non-admins, 404 across tenants")
    func crud() async throws {
        let server = try await ClientTestServer.make()
        let writerKey = try await server.makeKey(role: .writer)
        let readerKey = try await server.makeKey(role: .reader)
        try await server.withLiveServer { url in
            let admin = HandoffRailClient(baseURL: url, apiKey: ClientTestServer.adminKey)
            let second = try await admin.createRule(HandoffRuleCreate(name: "second", order: 2, action: Self.transfer(to: "b")))
            let first = try await admin.createRule(HandoffRuleCreate(
                name: "first", description: "VIPs go to seniors", order: 1, match: HandoffRuleMatch(sourceAgent: "triage"),
                condition: Self.condition(HandoffRuleComparison(variable: "context.custom.tier", op: .in, value: ["gold", "platinum"]), joinedBy: .or),
                action: Self.transfer(to: "senior", name: "Senior")))
            #expect(first.enabled && first.match.sourceAgent == "triage" && first.description == "VIPs go to seniors")

            // Reading: any key of the tenant, in evaluation order.
            let reader = HandoffRailClient(baseURL: url, apiKey: readerKey)
            let listed = try await reader.listRules()
            #expect(listed.rules.map(\.name) == ["first", "second"])
            #expect(listed.total == 2)
            #expect(try await reader.getRule(ruleId: first.id) == first)

            // Writing: admin only.
            let writer = HandoffRailClient(baseURL: url, apiKey: writerKey)
            let (forbidden, forbiddenError) = await Self.status { try await writer.createRule(HandoffRuleCreate(name: "w", action: Self.transfer(to: "x"))) }
            #expect(forbidden == 403)
            #expect(forbiddenError?.detail?.contains("Required role: admin") == true)
            #expect(await Self.status { try await writer.deleteRule(ruleId: first.id) }.0 == 403)
            #expect(await Self.status { try await reader.updateRule(ruleId: first.id, body: HandoffRuleUpdate(enabled: false)) }.0 == 403)

            // Semantic validation → 422 naming the field; duplicate name → 409.
            let invalid: [(HandoffRuleCreate, String)] = [
                (HandoffRuleCreate(name: "v1", condition: Self.condition(HandoffRuleComparison(variable: "context.secret", op: .eq, value: "x")),
                                   action: Self.transfer(to: "x")), "condition.comparisons[0].variable"),
                (HandoffRuleCreate(name: "v2", condition: Self.condition(HandoffRuleComparison(variable: "metadata.priority", op: .in, value: "high")),
                                   action: Self.transfer(to: "x")), "condition.comparisons[0].value"),
                (HandoffRuleCreate(name: "v3", action: HandoffRuleAction(type: .blockClaim)), "action.reason"),
                (HandoffRuleCreate(name: "v4", action: HandoffRuleAction(type: .forceTransfer, reason: "why")), "action.target_agent"),
                (HandoffRuleCreate(name: "v6", action: HandoffRuleAction(type: .blockClaim, reason: "no release condition")), "condition"),
            ]
            for (body, field) in invalid {
                let (status, error) = await Self.status { try await admin.createRule(body) }
                #expect(status == 422, "\(body.name)")
                #expect(error?.serverCode == "invalid_rule")
                #expect(error?.field == field)
            }
            // Schema-level validation (empty comparisons) is the FastAPI-shaped 422.
            let (emptyStatus, emptyError) = await Self.status {
                try await admin.createRule(HandoffRuleCreate(name: "v5", condition: HandoffRuleCondition(operator: .and, comparisons: []), action: Self.transfer(to: "x")))
            }
            #expect(emptyStatus == 422)
            #expect(emptyError?.validationIssues.isEmpty == false)
            #expect(await Self.status { try await admin.createRule(HandoffRuleCreate(name: "first", action: Self.transfer(to: "x"))) }.0 == 409)

            // Update: partial, validated, rename conflicts; condition null removes it.
            let updated = try await admin.updateRule(ruleId: first.id, body: HandoffRuleUpdate(description: .null, order: 5, condition: .null))
            #expect(updated.order == 5 && updated.condition == nil && updated.description == nil && updated.name == "first")
            #expect(updated.createdAt == first.createdAt)
            #expect(updated.updatedAt > first.updatedAt)   // the write stamped a new time
            #expect(try await reader.getRule(ruleId: first.id) == updated)   // and it was stored
            #expect(try await reader.listRules().rules.map(\.name) == ["second", "first"])
            #expect(await Self.status { try await admin.updateRule(ruleId: first.id, body: HandoffRuleUpdate(name: "second")) }.0 == 409)
            #expect(await Self.status {
                try await admin.updateRule(ruleId: first.id, body: HandoffRuleUpdate(action: HandoffRuleAction(type: .blockClaim)))
            }.0 == 422)

            // Another tenant sees none of it and cannot touch it.
            let tenant = try await admin.createTenant(TenantCreate(name: "rules-other", tier: .pro))
            let otherKey = try await admin.createApiKey(ApiKeyCreate(name: "other admin", tenantId: tenant.id, role: .admin)).key
            let other = HandoffRailClient(baseURL: url, apiKey: otherKey)
            #expect(try await other.listRules() == HandoffRuleList(rules: [], total: 0))
            #expect(await Self.status { try await other.getRule(ruleId: first.id) }.0 == 404)
            #expect(await Self.status { try await other.deleteRule(ruleId: first.id) }.0 == 404)
            #expect(await Self.status { try await other.updateRule(ruleId: first.id, body: HandoffRuleUpdate(enabled: false)) }.0 == 404)
            // Same name in another tenant is fine.
            _ = try await other.createRule(HandoffRuleCreate(name: "first", action: Self.transfer(to: "x")))

            try await admin.deleteRule(ruleId: second.id)
            #expect(await Self.status { try await admin.deleteRule(ruleId: second.id) }.0 == 404)
            #expect(try await reader.listRules().rules.map(\.name) == ["first"])
        }
    }

    @Test("force_transfer re-routes creates (single, batch, chain) in the same commit, first matching rule wins")
    func forceTransfer() async throws {
        let server = try await ClientTestServer.make()
        try await server.withLiveServer { url in
            let admin = HandoffRailClient(baseURL: url, apiKey: ClientTestServer.adminKey)
            let disabled = try await admin.createRule(HandoffRuleCreate(name: "disabled", enabled: false, order: 0, action: Self.transfer(to: "nobody")))
            let vip = try await admin.createRule(HandoffRuleCreate(
                name: "vip-to-senior", order: 1, match: HandoffRuleMatch(sourceAgent: "triage", targetAgent: "billing"),
                condition: Self.condition(
                    HandoffRuleComparison(variable: "context.custom.tier", op: .eq, value: "gold"),
                    HandoffRuleComparison(variable: "metadata.priority", op: .ge, value: "high")),
                action: Self.transfer(to: "senior", name: "Senior Billing")))
            _ = try await admin.createRule(HandoffRuleCreate(
                name: "gold-fallback", order: 2, condition: Self.condition(HandoffRuleComparison(variable: "context.custom.tier", op: .eq, value: "gold")),
                action: Self.transfer(to: "gold-desk")))

            let routed = try await admin.createPacket(Self.packet(priority: .critical, custom: ["tier": "gold"]))
            #expect(routed.metadata.targetAgent == TargetAgentInfo(id: "senior", name: "Senior Billing"))
            #expect(try await admin.getPacket(packetId: routed.id).metadata.targetAgent.id == "senior")
            let history = try await admin.getPacketHistory(packetId: routed.id).events
            #expect(history.map(\.eventType) == ["created", "rule_forced_transfer"])
            let step = try #require(history.last)
            #expect(step.actor == "rule:vip-to-senior")
            #expect(step.details?["rule"] == "vip-to-senior")
            #expect(step.details?["rule_id"] == .string(vip.id.uuidString.lowercased()))
            #expect(step.details?["original_target"]?["id"] == "billing")

            // Priority too low for the first rule: the second one wins.
            let fallback = try await admin.createPacket(Self.packet(priority: .normal, custom: ["tier": "gold"]))
            #expect(fallback.metadata.targetAgent.id == "gold-desk")
            // Nothing matches: untouched, no rule step.
            let plain = try await admin.createPacket(Self.packet(custom: ["tier": "silver"]))
            #expect(plain.metadata.targetAgent.id == "billing")
            #expect(try await admin.getPacketHistory(packetId: plain.id).events.map(\.eventType) == ["created"])

            // Batch items and chained children go through the same rules.
            let items = try [Self.packet(priority: .high, custom: ["tier": "gold"]), Self.packet(custom: [:])].map { create -> [String: JSONValue] in
                guard case .object(let members) = try JSONValueEncoder().encode(create) else { throw CancellationError() }
                return members
            }
            let batch = try await admin.batchCreatePackets(BatchCreateRequest(packets: items))
            #expect(batch.created.map(\.metadata.targetAgent.id) == ["senior", "billing"])
            let child = try await admin.chainPacket(packetId: plain.id, body: ChainRequest(
                metadata: Metadata(sourceAgent: AgentInfo(id: "triage", name: "Triage"), targetAgent: TargetAgentInfo(id: "billing", name: "Billing"), priority: .high),
                context: PacketContext(summary: "Escalated", custom: ["tier": "gold"])))
            #expect(child.metadata.targetAgent.id == "senior")
            #expect(try await admin.getPacketHistory(packetId: child.id).events.map(\.eventType) == ["created", "rule_forced_transfer"])

            // Disabling the winner makes the next create fall through at once (cache invalidated).
            _ = try await admin.updateRule(ruleId: vip.id, body: HandoffRuleUpdate(enabled: false))
            #expect(try await admin.createPacket(Self.packet(priority: .critical, custom: ["tier": "gold"])).metadata.targetAgent.id == "gold-desk")
            // Enabling the order-0 rule (no condition) makes it win everything.
            _ = try await admin.updateRule(ruleId: disabled.id, body: HandoffRuleUpdate(enabled: true))
            #expect(try await admin.createPacket(Self.packet()).metadata.targetAgent.id == "nobody")
        }
    }

    @Test("block_claim refuses claims (409 with rule name and reason) until the condition holds")
    func blockClaim() async throws {
        let server = try await ClientTestServer.make()
        let agentKey = try await server.makeKey(role: .agent)
        try await server.withLiveServer { url in
            let admin = HandoffRailClient(baseURL: url, apiKey: ClientTestServer.adminKey)
            let agent = HandoffRailClient(baseURL: url, apiKey: agentKey)
            let rule = try await admin.createRule(HandoffRuleCreate(
                name: "refunds-need-approval", match: HandoffRuleMatch(targetAgent: "billing"),
                condition: Self.condition(HandoffRuleComparison(variable: "context.custom.approved", op: .eq, value: true)),
                action: HandoffRuleAction(type: .blockClaim, reason: "a manager must approve refunds first")))
            let held = try await admin.createPacket(Self.packet(custom: ["approved": false, "amount": 120]))
            let claim = ClaimRequest(agentId: "billing", agentName: "Billing")

            // Typed 409 …
            guard case .conflict(let conflict) = try await agent.claimPacket(.init(packetId: held.id, body: claim)) else {
                Issue.record("a blocked claim must be 409")
                return
            }
            #expect(conflict.code == "rule_blocked")
            #expect(conflict.rule == "refunds-need-approval")
            #expect(conflict.ruleId == rule.id)
            #expect(conflict.reason == "a manager must approve refunds first")
            #expect(conflict.detail.message.contains("refunds-need-approval"))
            #expect(conflict.detail.claimedBy.id == "billing")
            // … and the same on the wire.
            var request = URLRequest(url: url.appendingPathComponent("api/v1/packets/\(held.id.uuidString.lowercased())/claim"))
            request.httpMethod = "POST"
            request.setValue(agentKey, forHTTPHeaderField: "X-API-Key")
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try HandoffRailJSON.encode(claim)
            let (data, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 409)
            let wire = try JSONValue(parsing: data)
            #expect(wire["rule"] == "refunds-need-approval")
            #expect(wire["reason"] == "a manager must approve refunds first")
            #expect(wire["detail"]?["message"] != nil)

            // Batch claims report it per item.
            let batch = try await admin.batchClaimPackets(BatchClaimRequest(packetIds: [held.id.uuidString], agentId: "billing", agentName: "Billing"))
            #expect(batch.claimed.isEmpty)
            #expect(batch.errors.first?.error.contains("refunds-need-approval") == true)
            #expect(batch.errors.first?.error.contains("a manager must approve refunds first") == true)

            // Other targets are not matched; still claimable.
            let other = try await admin.createPacket(Self.packet(to: "support", custom: ["approved": false]))
            #expect(try await agent.claimPacket(packetId: other.id, body: ClaimRequest(agentId: "support", agentName: "Support")).status == .claimed)

            // Once the variable changes the claim goes through; the packet is still `created`.
            var context = held.context
            context.custom["approved"] = true
            let approved = try await admin.updatePacket(packetId: held.id, body: PacketUpdate(context: context))
            #expect(approved.status == .created)
            let claimed = try await agent.claimPacket(packetId: held.id, body: claim)
            #expect(claimed.status == .claimed && claimed.metadata.targetAgent.id == "billing")
            #expect(try await agent.getPacketHistory(packetId: held.id).events.map(\.eventType) == ["created", "updated", "claimed"])

            // Disabled or deleted block rules are ignored at once.
            let second = try await admin.createPacket(Self.packet(custom: ["approved": false]))
            _ = try await admin.updateRule(ruleId: rule.id, body: HandoffRuleUpdate(enabled: false))
            #expect(try await agent.claimPacket(packetId: second.id, body: claim).status == .claimed)
            _ = try await admin.updateRule(ruleId: rule.id, body: HandoffRuleUpdate(enabled: true))
            let third = try await admin.createPacket(Self.packet(custom: ["approved": false]))
            #expect(await Self.status { try await agent.claimPacket(packetId: third.id, body: claim) }.0 == 409)
            try await admin.deleteRule(ruleId: rule.id)
            #expect(try await agent.claimPacket(packetId: third.id, body: claim).status == .claimed)

            // A plain claim conflict keeps its old shape (no rule fields).
            guard case .conflict(let plain) = try await agent.claimPacket(.init(packetId: third.id, body: claim)) else {
                Issue.record("claiming twice must be 409")
                return
            }
            #expect(plain.rule == nil && plain.code == nil && plain.detail.claimedBy.id == "billing")
        }
    }

    @Test("rules are tenant-scoped: another tenant's rules never apply")
    func tenantIsolation() async throws {
        let server = try await ClientTestServer.make()
        try await server.withLiveServer { url in
            let admin = HandoffRailClient(baseURL: url, apiKey: ClientTestServer.adminKey)
            let tenant = try await admin.createTenant(TenantCreate(name: "rules-isolated", tier: .pro))
            let otherKey = try await admin.createApiKey(ApiKeyCreate(name: "other admin", tenantId: tenant.id, role: .admin)).key
            let other = HandoffRailClient(baseURL: url, apiKey: otherKey)
            _ = try await other.createRule(HandoffRuleCreate(name: "steal", action: Self.transfer(to: "thief")))
            _ = try await other.createRule(HandoffRuleCreate(
                name: "freeze", condition: Self.condition(HandoffRuleComparison(variable: "context.custom.thawed", op: .eq, value: true)),
                action: HandoffRuleAction(type: .blockClaim, reason: "frozen")))

            let mine = try await admin.createPacket(Self.packet())
            #expect(mine.metadata.targetAgent.id == "billing")
            #expect(try await admin.claimPacket(packetId: mine.id, body: ClaimRequest(agentId: "billing", agentName: "Billing")).status == .claimed)

            let theirs = try await other.createPacket(Self.packet())
            #expect(theirs.metadata.targetAgent.id == "thief")
            #expect(await Self.status { try await other.claimPacket(packetId: theirs.id, body: ClaimRequest(agentId: "thief", agentName: "Thief")) }.0 == 409)
        }
    }

    @Test("100 parallel claimers with a released gate present: exactly one winner")
    func parallelClaimers() async throws {
        let server = try await ClientTestServer.make()
        try await server.withLiveServer { url in
            let admin = HandoffRailClient(baseURL: url, apiKey: ClientTestServer.adminKey)
            _ = try await admin.createRule(HandoffRuleCreate(
                name: "not-this-one", condition: Self.condition(HandoffRuleComparison(variable: "context.custom.hold", op: .ne, value: true)),
                action: HandoffRuleAction(type: .blockClaim, reason: "held")))
            let packet = try await admin.createPacket(Self.packet(custom: ["hold": false]))
            let outcomes = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<100 {
                    group.addTask {
                        let output = try await admin.claimPacket(.init(packetId: packet.id, body: ClaimRequest(agentId: "agent-\(index % 8)", agentName: "Agent \(index)")))
                        switch output {
                        case .ok: return 200
                        case .conflict(let conflict):
                            #expect(conflict.rule == nil)
                            return 409
                        default: return output.statusCode
                        }
                    }
                }
                var statuses: [Int] = []
                for try await status in group { statuses.append(status) }
                return statuses
            }
            #expect(outcomes.count == 100)
            #expect(outcomes.filter { $0 == 200 }.count == 1)
            #expect(outcomes.filter { $0 == 409 }.count == 99)
        }
    }
}
