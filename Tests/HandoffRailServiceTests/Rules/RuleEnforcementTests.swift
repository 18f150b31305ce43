import Foundation
import HandoffRailModels
import HandoffRailService
import Testing

/// Where the service applies rules, called directly (no HTTP): the agents quota is checked on
/// the routed packet, a transfer to the packet's own target is a no-op, a failed packet's
/// re-claim is blocked like a first claim, a HITL answer is a claim only for a packet nobody
/// claimed yet, and the write path refreshes the cache at once.
@Suite("Handoff rule enforcement in the service")
struct RuleEnforcementTests {
    static func createRule(_ bench: PacketTestBench, _ body: HandoffRuleCreate) async throws -> HandoffRule {
        guard case .created(let rule) = try await bench.service.createRule(.init(body: body), caller: bench.caller(.admin)) else {
            throw TestFailure("createRule did not answer 201")
        }
        return rule
    }

    /// The protocol error a call threw (a rule's block is not a ``ServiceError``), or nil.
    static func apiError(_ body: () async throws -> Void) async -> (any APIErrorConvertible)? {
        do {
            try await body()
            return nil
        } catch let error as any APIErrorConvertible {
            return error
        } catch {
            return nil
        }
    }

    /// Blocks every claim until `context.custom.approved` is true (the samples never set it).
    static let blockAll = HandoffRuleCreate(
        name: "freeze",
        condition: HandoffRuleCondition(operator: .and, comparisons: [
            HandoffRuleComparison(variable: "context.custom.approved", op: .eq, value: true),
        ]),
        action: HandoffRuleAction(type: .blockClaim, reason: "frozen"))

    @Test("a forced target counts toward the tier's agents quota (free: 2 agents)")
    func forcedTargetCountsTowardQuota() async throws {
        let bench = try await PacketTestBench(tier: .free)
        _ = try await bench.create(.sample(source: "triage-01", target: "billing-01"))   // the tenant's 2 agents
        _ = try await Self.createRule(bench, HandoffRuleCreate(
            name: "to-third", action: HandoffRuleAction(type: .forceTransfer, targetAgent: HandoffRuleTarget(id: "third-agent"))))
        let error = await ServiceError.thrown { _ = try await bench.create(.sample(source: "triage-01", target: "billing-01")) }
        #expect(error?.statusCode == 403)
        #expect(error?.code == "quota_exceeded")
    }

    @Test("the quota is checked after re-routing: a packet sent to a new agent but routed to a known one is admitted")
    func quotaCheckedOnRoutedPacket() async throws {
        let bench = try await PacketTestBench(tier: .free)
        _ = try await bench.create(.sample(source: "triage-01", target: "billing-01"))   // the tenant's 2 agents
        _ = try await Self.createRule(bench, HandoffRuleCreate(
            name: "newcomers-to-billing", match: HandoffRuleMatch(targetAgent: "newcomer"),
            action: HandoffRuleAction(type: .forceTransfer, targetAgent: HandoffRuleTarget(id: "billing-01", name: "Billing"))))
        let routed = try await bench.create(.sample(source: "triage-01", target: "newcomer"))
        #expect(routed.metadata.targetAgent.id == "billing-01")
        #expect(try await bench.history(routed.id) == ["created", "rule_forced_transfer"])
    }

    @Test("a forced transfer to the packet's own target is a no-op: no history step, the target as sent")
    func transferToSameAgentIsNoOp() async throws {
        let bench = try await PacketTestBench()
        _ = try await Self.createRule(bench, HandoffRuleCreate(
            name: "billing-to-billing",
            action: HandoffRuleAction(type: .forceTransfer, targetAgent: HandoffRuleTarget(id: "billing-01", name: "Renamed", framework: "crewai"))))
        var create = PacketCreate.sample(target: "billing-01")
        create.metadata.targetAgent = TargetAgentInfo(id: "billing-01", name: "Billing", framework: "langchain")
        let packet = try await bench.create(create)
        #expect(packet.metadata.targetAgent == TargetAgentInfo(id: "billing-01", name: "Billing", framework: "langchain"))
        #expect(try await bench.history(packet.id) == ["created"])
    }

    @Test("a forced transfer records the rule's target framework")
    func transferCarriesFramework() async throws {
        let bench = try await PacketTestBench()
        _ = try await Self.createRule(bench, HandoffRuleCreate(
            name: "to-senior",
            action: HandoffRuleAction(type: .forceTransfer, targetAgent: HandoffRuleTarget(id: "senior-01", name: "Senior", framework: "crewai"))))
        let packet = try await bench.create()
        #expect(packet.metadata.targetAgent == TargetAgentInfo(id: "senior-01", name: "Senior", framework: "crewai"))
    }

    @Test("the rule limit: the 101st rule of a tenant is 403 quota_exceeded")
    func ruleLimit() async throws {
        let bench = try await PacketTestBench()
        for index in 0..<100 {
            _ = try await Self.createRule(bench, HandoffRuleCreate(
                name: "rule-\(index)", enabled: false,
                action: HandoffRuleAction(type: .forceTransfer, targetAgent: HandoffRuleTarget(id: "a-\(index)"))))
        }
        let error = await ServiceError.thrown {
            _ = try await Self.createRule(bench, HandoffRuleCreate(
                name: "one-too-many", action: HandoffRuleAction(type: .forceTransfer, targetAgent: HandoffRuleTarget(id: "x"))))
        }
        #expect(error?.statusCode == 403)
        #expect(error?.code == "quota_exceeded")
        guard case .ok(let list) = try await bench.service.listRules(.init(), caller: bench.caller(.reader)) else { throw TestFailure("list") }
        #expect(list.total == 100 && list.rules.count == 100)
    }

    @Test("a failed packet claimed again is blocked like a first claim; unblocked after delete")
    func retryClaimIsBlocked() async throws {
        let bench = try await PacketTestBench()
        let packet = try await bench.create()
        guard case .ok = try await bench.claim(packet.id) else { throw TestFailure("first claim must succeed") }
        _ = try await bench.update(packet.id, PacketUpdate(status: .failed))
        let rule = try await Self.createRule(bench, Self.blockAll)
        guard case .conflict(let conflict) = try await bench.claim(packet.id) else { throw TestFailure("the retry claim must be 409") }
        #expect(conflict.rule == "freeze" && conflict.reason == "frozen" && conflict.code == "rule_blocked")
        _ = try await bench.service.deleteRule(.init(ruleId: rule.id), caller: bench.caller(.admin))
        guard case .ok(let claimed) = try await bench.claim(packet.id) else { throw TestFailure("claim after delete must succeed") }
        #expect(claimed.status == .claimed)
    }

    @Test("a HITL response to a packet an agent had claimed is not blocked")
    func respondIsNotBlocked() async throws {
        let bench = try await PacketTestBench()
        let packet = try await bench.create()
        guard case .ok = try await bench.claim(packet.id) else { throw TestFailure("first claim must succeed") }
        _ = try await bench.update(packet.id, PacketUpdate(status: .awaitingHuman, hitl: .value(HitlCheckpoint(required: true, reason: "approve the refund"))))
        _ = try await Self.createRule(bench, Self.blockAll)
        let output = try await bench.service.respondToPacket(
            .init(packetId: packet.id, body: RespondRequest(response: "approved", respondedBy: "manager")), caller: bench.caller(.writer))
        guard case .ok(let answered) = output else { throw TestFailure("respond must answer 200") }
        #expect(answered.status == .claimed)
    }

    @Test("a HITL response to a packet nobody claimed yet is its first claim: blocked until the condition holds")
    func respondToUnclaimedIsBlocked() async throws {
        let bench = try await PacketTestBench()
        let packet = try await bench.create(.sample(hitl: HitlCheckpoint(required: true, reason: "approve the refund")))
        #expect(packet.status == .awaitingHuman)
        _ = try await Self.createRule(bench, Self.blockAll)
        let respond = RespondRequest(response: "approved", respondedBy: "manager")
        let error = await Self.apiError {
            _ = try await bench.service.respondToPacket(.init(packetId: packet.id, body: respond), caller: bench.caller(.writer))
        }
        #expect(error?.statusCode == 409)
        #expect(error?.code == "rule_blocked")
        #expect(error?.detail.contains("'freeze'") == true)
        var custom = packet.context
        custom.custom = ["approved": true]
        _ = try await bench.update(packet.id, PacketUpdate(context: custom))
        let output = try await bench.service.respondToPacket(.init(packetId: packet.id, body: respond), caller: bench.caller(.writer))
        guard case .ok(let answered) = output else { throw TestFailure("respond after approval must answer 200") }
        #expect(answered.status == .claimed)
    }

    @Test("PATCH status claimed is a claim: blocked until the condition holds")
    func patchToClaimedIsBlocked() async throws {
        let bench = try await PacketTestBench()
        let packet = try await bench.create()
        _ = try await Self.createRule(bench, Self.blockAll)
        let error = await Self.apiError { _ = try await bench.update(packet.id, PacketUpdate(status: .claimed)) }
        #expect(error?.statusCode == 409)
        #expect(error?.code == "rule_blocked")
        #expect(try await bench.history(packet.id) == ["created"])
        var approved = packet.context
        approved.custom = ["approved": true]
        _ = try await bench.update(packet.id, PacketUpdate(context: approved))
        #expect(try await bench.update(packet.id, PacketUpdate(status: .claimed)).status == .claimed)
    }

    @Test("a rule update applies to the next claim at once; another tenant has its own (empty) list")
    func writesRefreshTheCache() async throws {
        let bench = try await PacketTestBench()
        let first = try await bench.create()
        let rule = try await Self.createRule(bench, Self.blockAll)
        guard case .conflict = try await bench.claim(first.id) else { throw TestFailure("blocked") }
        _ = try await bench.service.updateRule(.init(ruleId: rule.id, body: HandoffRuleUpdate(match: HandoffRuleMatch(targetAgent: "someone-else"))), caller: bench.caller(.admin))
        guard case .ok = try await bench.claim(first.id) else { throw TestFailure("the narrowed rule no longer applies") }

        // Another tenant on the same service: its own (empty) rule list.
        let otherCaller = bench.caller(.admin, tenantID: "other-\(UUID().uuidString.prefix(6))")
        guard case .ok(let none) = try await bench.service.listRules(.init(), caller: otherCaller) else { throw TestFailure("list") }
        #expect(none.rules.isEmpty && none.total == 0)
    }
}
