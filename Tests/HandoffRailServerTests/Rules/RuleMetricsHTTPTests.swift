import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// `/metrics` exposes the rules that took effect, by action. The registry is the process's and
/// other suites fire rules in parallel, so this checks the wiring with lower bounds; the exact
/// counts are checked with a factory of their own in `RuleMetricsTests`.
@Suite("Handoff rules: metrics (HTTP)")
struct RuleMetricsHTTPTests {
    static let family = "handoffrail_rules_applied_total"

    @Test("a forced transfer counts once per committed packet, a refused claim once per refusal")
    func countsByAction() async throws {
        try await RulesLiveServer.run { url, admin, agent in
            let before = try await Self.counts(at: url)
            _ = try await admin.createRule(HandoffRuleCreate(
                name: "vip-to-senior", match: HandoffRuleMatch(targetAgent: "billing"),
                condition: RulesHTTPTests.condition(HandoffRuleComparison(variable: "context.custom.vip", op: .eq, value: true)),
                action: RulesHTTPTests.transfer(to: "senior")))
            _ = try await admin.createRule(RuleClaimPathsHTTPTests.refundsNeedApproval)

            let routed = try await admin.createPacket(RulesHTTPTests.packet(custom: ["vip": true]))
            #expect(routed.metadata.targetAgent.id == "senior")
            let batch = try await admin.batchCreatePackets(BatchCreateRequest(packets: [
                try Self.batchItem(RulesHTTPTests.packet(custom: ["vip": true])),
                try Self.batchItem(RulesHTTPTests.packet(custom: ["vip": false, "approved": false])),
            ]))
            #expect(batch.created.count == 2)
            let waiting = try #require(batch.created.first { $0.metadata.targetAgent.id == "billing" })
            for _ in 0..<2 {
                await #expect(throws: HandoffRailError.self) { _ = try await agent.claim(waiting.id, agentID: "billing", agentName: "Billing") }
            }

            let after = try await Self.counts(at: url)
            #expect(after["force_transfer", default: 0] >= before["force_transfer", default: 0] + 2)
            #expect(after["block_claim", default: 0] >= before["block_claim", default: 0] + 2)
        }
    }

    /// A batch item: the packet as a JSON object.
    static func batchItem(_ packet: PacketCreate) throws -> [String: JSONValue] {
        try #require(try JSONValue(parsing: HandoffRailJSON.encode(packet)).objectValue)
    }

    /// The counter's samples by `action`, read from `/metrics`.
    static func counts(at url: URL) async throws -> [String: Double] {
        let (data, _) = try await URLSession.shared.data(from: url.appendingPathComponent("metrics"))
        var counts: [String: Double] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix(family + "{") {
            guard let open = line.range(of: #"action=""#), let close = line[open.upperBound...].firstIndex(of: "\""),
                  let value = line.split(separator: " ").last.flatMap({ Double($0) }) else { continue }
            counts[String(line[open.upperBound..<close])] = value
        }
        return counts
    }
}
