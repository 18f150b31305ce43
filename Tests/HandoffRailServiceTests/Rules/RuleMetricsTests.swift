import Foundation
import HandoffRailModels
import HandoffRailService
import MetricsTestKit
import Testing

/// `handoffrail_rules_applied_total{action}` counted exactly, with a metrics factory of the
/// test's own (the process-wide one is shared by every suite running in parallel).
@Suite("Handoff rules: metrics")
struct RuleMetricsTests {
    static let vipToSenior = HandoffRuleCreate(
        name: "vip-to-senior",
        condition: HandoffRuleCondition(operator: .and, comparisons: [
            HandoffRuleComparison(variable: "metadata.tags", op: .contains, value: "vip"),
        ]),
        action: HandoffRuleAction(type: .forceTransfer, targetAgent: HandoffRuleTarget(id: "senior", name: "Senior")))

    static func applied(_ metrics: TestMetrics, _ action: HandoffRuleActionType) -> Int64 {
        metrics.counterTotal(label: ServiceMetrics.Name.rulesApplied, dimensions: [("action", action.rawValue)])
    }

    static func batchItem(_ create: PacketCreate) throws -> [String: JSONValue] {
        try #require(try JSONValueEncoder().encode(create).objectValue)
    }

    @Test("force_transfer: once per committed re-routed packet; not for replays, routes to the same target or refused creates")
    func forcedTransfers() async throws {
        let metrics = TestMetrics()
        let bench = try await PacketTestBench(metrics: ServiceMetrics(factory: metrics))
        _ = try await RuleEnforcementTests.createRule(bench, Self.vipToSenior)

        let routed = try await bench.create(.sample(tags: ["vip"]), idempotencyKey: "vip-1")
        #expect(routed.metadata.targetAgent.id == "senior")
        #expect(Self.applied(metrics, .forceTransfer) == 1)
        _ = try await bench.create(.sample(tags: ["vip"]), idempotencyKey: "vip-1")   // a replay
        _ = try await bench.create(.sample(target: "senior", tags: ["vip"]))          // already there
        _ = try await bench.create(.sample(tags: ["billing"]))                        // no match
        #expect(Self.applied(metrics, .forceTransfer) == 1)

        guard case .created(let batch) = try await bench.service.batchCreatePackets(.init(body: BatchCreateRequest(packets: [
            try Self.batchItem(.sample(tags: ["vip"])), try Self.batchItem(.sample()), try Self.batchItem(.sample(tags: ["vip"])),
        ])), caller: bench.caller()) else { throw TestFailure("batch") }
        #expect(batch.created.count == 3)
        #expect(Self.applied(metrics, .forceTransfer) == 3)
        #expect(Self.applied(metrics, .blockClaim) == 0)
    }

    @Test("force_transfer: a create refused after routing (the agents quota) counts nothing")
    func refusedCreateNotCounted() async throws {
        let metrics = TestMetrics()
        let bench = try await PacketTestBench(tier: .free, metrics: ServiceMetrics(factory: metrics))
        _ = try await bench.create(.sample())   // triage-01 and billing-01: the free tier's 2 agents
        _ = try await RuleEnforcementTests.createRule(bench, Self.vipToSenior)
        let error = await ServiceError.thrown { _ = try await bench.create(.sample(tags: ["vip"])) }
        #expect(error?.code == "quota_exceeded")
        #expect(Self.applied(metrics, .forceTransfer) == 0)
    }

    @Test("block_claim: once per refused claim (single and each batch item); none once released")
    func refusedClaims() async throws {
        let metrics = TestMetrics()
        let bench = try await PacketTestBench(metrics: ServiceMetrics(factory: metrics))
        _ = try await RuleEnforcementTests.createRule(bench, RuleEnforcementTests.blockAll)
        let packet = try await bench.create()
        for _ in 0..<2 {
            guard case .conflict(let conflict) = try await bench.claim(packet.id) else { throw TestFailure("the claim must be 409") }
            #expect(conflict.code == "rule_blocked")
        }
        guard case .ok(let batch) = try await bench.service.batchClaimPackets(.init(body: BatchClaimRequest(
            packetIds: [packet.id.uuidString], agentId: "billing-01", agentName: "Billing")), caller: bench.caller(.agent))
        else { throw TestFailure("batch claim") }
        #expect(batch.claimed.isEmpty)
        #expect(Self.applied(metrics, .blockClaim) == 3)

        var approved = packet.context
        approved.custom = ["approved": true]
        _ = try await bench.update(packet.id, PacketUpdate(context: approved))
        guard case .ok = try await bench.claim(packet.id) else { throw TestFailure("claim") }
        #expect(Self.applied(metrics, .blockClaim) == 3)
        #expect(Self.applied(metrics, .forceTransfer) == 0)
    }
}
