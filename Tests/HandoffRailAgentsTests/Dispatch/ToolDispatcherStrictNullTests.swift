import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// OpenAI strict mode makes a model send `null` for every optional field; the dispatcher
/// reads a top-level `null` as "not given", so it never clears what the model did not mean to.
@Suite("ToolDispatcher: strict-mode nulls")
struct ToolDispatcherStrictNullTests {
    @Test("top-level optional nulls are left out of the request")
    func leftOut() throws {
        let client = HandoffRailClient(transport: RefusingTransport(), apiKey: nil)
        let dispatcher = ToolDispatcher(client: client, identity: DispatchFixtures.billing)
        let update = try dispatcher.prepare("handoffrail_update_packet", arguments: [
            "packet_id": "5f0c2b1e-0000-4000-8000-00000000000a", "status": "in_progress", "context": .null, "decisions": .null, "actions": .null, "dependencies": .null, "hitl": .null,
        ])
        let body = try JSONValue(parsing: try #require(update.request.request.body))
        #expect(body == ["status": "in_progress"])
    }

    @Test("an update with hitl: null keeps the human checkpoint", arguments: TransportKind.allCases)
    func checkpointSurvives(_ transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let triage = ToolDispatcher(client: client, identity: DispatchFixtures.triage)
            let hitl: JSONValue = ["required": true, "reason": "Refunds need approval", "question": .null, "options": .null, "response": .null, "responded_at": .null, "responded_by": .null, "notes": .null]
            let created = try await triage.call("handoffrail_create_packet", arguments: DispatchFixtures.createArguments(tag: DispatchFixtures.uniqueTag("strict"), hitl: hitl))
            #expect(created["status"] == "awaiting_human")
            let updated = try await triage.call("handoffrail_update_packet", arguments: [
                "packet_id": try #require(created["id"]), "status": .null, "context": .null, "actions": .null, "dependencies": .null, "hitl": .null,
                "decisions": [["id": "d9", "decision": "Wait for approval", "rationale": "Policy."]],
            ])
            #expect(updated["hitl"]?["reason"] == "Refunds need approval")
            #expect(updated["status"] == "awaiting_human")
            #expect(updated["decisions"]?.arrayValue?.count == 2)
        }
    }
}
