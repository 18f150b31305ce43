import Foundation
import HandoffRailModels
import Testing

/// `handoffrail rules …` through the binary against a live server: flags become the rule
/// body, the rule acts on the next `packets create` / `packets claim`, usage errors exit 2.
@Suite("rules commands against a live server", .serialized)
struct RulesCommandTests {
    /// Runs the binary and decodes its JSON answer, failing with the whole result otherwise.
    static func json<T: Decodable>(_ type: T.Type, _ arguments: [String], server: HandoffRailServerProcess, stdin: Data? = nil) async throws -> T {
        let result = try await CLI.run(arguments + ["--format", "json"], server: server, stdin: stdin)
        try #require(result.status == 0, "\(result)")
        return try result.decode(T.self)
    }

    @Test("create (flags and --file), list, get, update, delete; the rules act on packets")
    func lifecycle() async throws {
        try await HandoffRailServerProcess.withServer { server in
            let vip = try await Self.json(HandoffRule.self, [
                "rules", "create", "--name", "vip", "--order", "1", "--source-agent", "triage",
                "--when", "context.custom.tier eq gold", "--when", "context.custom.amount gt 1000", "--any",
                "--force-transfer", "senior", "--target-name", "Senior", "--target-framework", "crewai",
            ], server: server)
            #expect(vip.match.sourceAgent == "triage")
            #expect(vip.condition == HandoffRuleCondition(operator: .or, comparisons: [
                HandoffRuleComparison(variable: "context.custom.tier", op: .eq, value: "gold"),
                HandoffRuleComparison(variable: "context.custom.amount", op: .gt, value: 1000),
            ]))
            #expect(vip.action == HandoffRuleAction(type: .forceTransfer, targetAgent: HandoffRuleTarget(id: "senior", name: "Senior", framework: "crewai")))

            let body = #"{"name": "hold", "order": 0, "condition": {"operator": "and", "comparisons": [{"variable": "context.custom.approved", "op": "eq", "value": true}]}, "action": {"type": "block_claim", "reason": "needs approval"}}"#
            let hold = try await Self.json(HandoffRule.self, ["rules", "create", "--file", "-"], server: server, stdin: Data(body.utf8))

            let list = try await Self.json(HandoffRuleList.self, ["rules", "list"], server: server)
            #expect(list.rules.map(\.name) == ["hold", "vip"] && list.total == 2)
            let table = try await CLI.run(["rules", "list"], server: server)
            #expect(table.stdout.contains("force_transfer → senior") && table.stdout.contains("block_claim: needs approval"), "\(table)")
            #expect(try await Self.json(HandoffRule.self, ["rules", "get", vip.id.uuidString], server: server) == vip)

            // The forced transfer applies to the next create; the block to the claim.
            let packet = try await Self.json(Packet.self, [
                "packets", "create", "--from", "triage", "--to", "billing", "--summary", "Refund", "--custom", "amount=5000",
                "--custom", "approved=false",
            ], server: server)
            #expect(packet.metadata.targetAgent == TargetAgentInfo(id: "senior", name: "Senior", framework: "crewai"))
            let blocked = try await CLI.run(["packets", "claim", packet.id.uuidString, "--agent-id", "senior"], server: server)
            #expect(blocked.status == 1, "\(blocked)")
            #expect(blocked.stderr.contains("hold") && blocked.stderr.contains("needs approval"), "\(blocked)")

            #expect(try await Self.json(HandoffRule.self, ["rules", "update", hold.id.uuidString, "--disable"], server: server).enabled == false)
            let claimed = try await CLI.run(["packets", "claim", packet.id.uuidString, "--agent-id", "senior", "--format", "json"], server: server)
            #expect(claimed.status == 0, "\(claimed)")

            let vipNow = try await Self.json(HandoffRule.self, ["rules", "update", vip.id.uuidString, "--clear-condition", "--order", "7"], server: server)
            #expect(vipNow.condition == nil && vipNow.order == 7)

            #expect(try await CLI.run(["rules", "delete", vip.id.uuidString], server: server).status == 0)
            let gone = try await CLI.run(["rules", "get", vip.id.uuidString], server: server)
            #expect(gone.status == 1, "\(gone)")

            // Server-side validation is an API error (exit 1) naming the problem.
            let invalid = try await CLI.run(["rules", "create", "--name", "bad", "--when", "context.secret eq 1", "--block-claim", "x"], server: server)
            #expect(invalid.status == 1)
            #expect(invalid.stderr.contains("Unsupported variable"), "\(invalid)")
        }
    }

    @Test("malformed rule flags are usage errors (exit 2)", arguments: [
        ["rules", "create", "--name", "x", "--force-transfer", "a", "--block-claim", "b"],
        ["rules", "create", "--name", "x", "--when", "onlyonepart", "--block-claim", "b"],
        ["rules", "create", "--name", "x", "--when", "context.custom.a between 1", "--block-claim", "b"],
        ["rules", "create", "--name", "x", "--when", "context.custom.a eq", "--block-claim", "b"],
        ["rules", "create", "--name", "x"],
        ["rules", "create", "--block-claim", "b"],
        ["rules", "create", "--name", "x", "--block-claim", "b"],
        ["rules", "create", "--name", "x", "--target-framework", "crewai", "--when", "status eq created", "--block-claim", "b"],
        ["rules", "update", "not-a-uuid", "--disable"],
    ])
    func usageErrors(_ arguments: [String]) async throws {
        let result = try await CLI.run(arguments + ["--server-url", "http://127.0.0.1:9"])
        #expect(result.status == 2, "\(result)")
    }
}
