import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// A claim refused by a `block_claim` handoff rule is a 409 like a lost race, but nobody
/// holds the packet: the model must read the rule and its reason, not "claimed by".
@Suite("ToolDispatcher: claims blocked by handoff rules")
struct ToolDispatcherRuleBlockTests {
    @Test("the 409 of a blocking rule names the rule and its reason, not a claimer", arguments: TransportKind.allCases)
    func blockedClaim(_ transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let rule = try await client.createRule(HandoffRuleCreate(
                name: "vip-needs-human",
                condition: HandoffRuleCondition(operator: .and, comparisons: [
                    HandoffRuleComparison(variable: "context.custom.approved", op: .eq, value: true),
                ]),
                action: HandoffRuleAction(type: .blockClaim, reason: "VIP refunds wait for a human")))
            #expect(rule.name == "vip-needs-human")
            let triage = ToolDispatcher(client: client, identity: DispatchFixtures.triage)
            let billing = ToolDispatcher(client: client, identity: DispatchFixtures.billing)
            let created = try await triage.call("handoffrail_create_packet", arguments: DispatchFixtures.createArguments(tag: DispatchFixtures.uniqueTag("rule")))
            let error = await #expect(throws: ToolCallError.self) {
                try await billing.call("handoffrail_claim_packet", arguments: ["packet_id": try #require(created["id"])])
            }
            #expect(error?.apiError?.kind == .conflict)
            let message = try #require(error?.message)
            #expect(message.hasPrefix("HTTP 409 conflict: "))
            #expect(message.contains("'vip-needs-human'"))
            #expect(message.contains("VIP refunds wait for a human"))
            #expect(!message.contains("claimed by"))
        }
    }

    @Test("a claim conflict body as the spec documents it for rules, over a recorded answer")
    func recordedRuleBody() async throws {
        let body = #"{"detail":{"message":"Claim blocked by handoff rule 'night-shift'","claimed_by":{"id":"billing-01","name":"Billing"}},"code":"rule_blocked","rule":"night-shift","rule_id":"5f0c2b1e-0000-4000-8000-000000000001","reason":"Only the night team claims after 22:00"}"#
        let transport = FixedAnswerTransport(response: TransportResponse(statusCode: 409, headers: ["Content-Type": "application/json"], body: Data(body.utf8)))
        let dispatcher = ToolDispatcher(client: HandoffRailClient(transport: transport, apiKey: "hr_fixed_key_0123456789"), identity: DispatchFixtures.billing)
        let error = await #expect(throws: ToolCallError.self) {
            try await dispatcher.call("handoffrail_claim_packet", arguments: ["packet_id": "5f0c2b1e-0000-4000-8000-000000000002"])
        }
        #expect(error?.message == "HTTP 409 conflict: Claim blocked by handoff rule 'night-shift'; reason: Only the night team claims after 22:00")
        // `claimed_by` of a rule's 409 is only the addressee: the SDK reports the rule, not a claimant.
        #expect(error?.apiError?.claimant == nil)
        #expect(error?.apiError?.blockingRule?.name == "night-shift")
    }
}

/// Answers every request with the same response.
struct FixedAnswerTransport: HandoffRailTransport {
    let response: TransportResponse

    func send(_ request: TransportRequest) async throws -> TransportResponse { response }
}
