import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// "Who" fields nested in arrays and objects (`decisions[].decided_by`,
/// `actions.completed[].completed_by`, `hitl.responded_by`) are the adapter's, never the model's.
@Suite("ToolDispatcher: nested identity fields")
struct ToolDispatcherNestedIdentityTests {
    static let toolsWithNestedIdentity = ["handoffrail_create_packet", "handoffrail_chain_packet", "handoffrail_update_packet"]

    @Test("the generated input schemas do not offer the nested who-fields", arguments: toolsWithNestedIdentity)
    func schemasHideThem(_ name: String) throws {
        let tool = try #require(ToolSpec.generated.first { $0.name == name })
        #expect(tool.identityFields.contains("body.decisions[].decided_by"))
        #expect(tool.identityFields.contains("body.actions.completed[].completed_by"))
        #expect(tool.identityFields.contains("body.hitl.responded_by"))
        let schema = tool.inputSchema
        #expect(schema["properties"]?["decisions"]?["items"]?["properties"]?["decided_by"] == nil)
        #expect(schema["properties"]?["decisions"]?["items"]?["properties"]?["decision"] != nil)
        #expect(schema["properties"]?["actions"]?["properties"]?["completed"]?["items"]?["properties"]?["completed_by"] == nil)
        #expect(schema["properties"]?["actions"]?["properties"]?["completed"]?["items"]?["properties"]?["result"] != nil)
        let hitlBranch = try #require(schema["properties"]?["hitl"]?["oneOf"]?.arrayValue?.first { $0["properties"] != nil })
        #expect(hitlBranch["properties"]?["responded_by"] == nil)
        #expect(hitlBranch["properties"]?["reason"] != nil)
    }

    @Test("every array element is filled and the impostor values are reported")
    func everyElementFilled() throws {
        let client = HandoffRailClient(transport: RefusingTransport(), apiKey: nil)
        let dispatcher = ToolDispatcher(client: client, identity: DispatchFixtures.billing)
        let prepared = try dispatcher.prepare("handoffrail_update_packet", arguments: [
            "packet_id": "5f0c2b1e-0000-4000-8000-00000000000a",
            "decisions": [
                ["id": "d1", "decision": "a", "rationale": "r", "decided_by": "someone-else"],
                ["id": "d2", "decision": "b", "rationale": "r"],
                ["id": "d3", "decision": "c", "rationale": "r", "decided_by": "billing-01"],
            ],
            "actions": ["completed": [["id": "a1", "description": "x", "result": "ok", "completed_by": "mallory"]]],
            "hitl": ["reason": "Need approval", "responded_by": "the-ceo"],
        ])
        let body = try JSONValue(parsing: try #require(prepared.request.request.body))
        let decisions = try #require(body["decisions"]?.arrayValue)
        #expect(decisions.map { $0["decided_by"] } == ["billing-01", "billing-01", "billing-01"])
        #expect(body["actions"]?["completed"]?[0]?["completed_by"] == "billing-01")
        #expect(body["hitl"]?["responded_by"] == nil)
        #expect(body["hitl"]?["reason"] == "Need approval")
        #expect(prepared.overwrittenIdentityFields == [
            "body.decisions[0].decided_by", "body.actions.completed[0].completed_by", "body.hitl.responded_by",
        ])
    }

    @Test("absent arrays and checkpoints are not created")
    func absentContainersStayAbsent() throws {
        let client = HandoffRailClient(transport: RefusingTransport(), apiKey: nil)
        let dispatcher = ToolDispatcher(client: client, identity: DispatchFixtures.billing)
        let prepared = try dispatcher.prepare("handoffrail_update_packet", arguments: ["packet_id": "5f0c2b1e-0000-4000-8000-00000000000a", "status": "in_progress", "actions": ["pending": []]])
        let body = try JSONValue(parsing: try #require(prepared.request.request.body))
        #expect(body == ["status": "in_progress", "actions": ["pending": []]])
        #expect(prepared.overwrittenIdentityFields.isEmpty)
    }

    @Test("a model writing decided_by someone-else stores the adapter's agent", arguments: TransportKind.allCases)
    func storedDecisionIsTheAgents(_ transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let triage = ToolDispatcher(client: client, identity: DispatchFixtures.triage)
            var arguments = DispatchFixtures.createArguments(tag: DispatchFixtures.uniqueTag("who"))
            arguments = arguments.setting("decisions", [["id": "d1", "decision": "Refund", "rationale": "Twice.", "decided_by": "the-ceo"]])
            let created = try await triage.call("handoffrail_create_packet", arguments: arguments)
            #expect(created["decisions"]?[0]?["decided_by"] == "triage-1")
            let id = try #require(created["id"])

            let billing = ToolDispatcher(client: client, identity: DispatchFixtures.billing)
            _ = try await billing.call("handoffrail_claim_packet", arguments: ["packet_id": id])
            let updated = try await billing.call("handoffrail_update_packet", arguments: [
                "packet_id": id, "status": "in_progress",
                "decisions": [["id": "d2", "decision": "Approve", "rationale": "Policy.", "decided_by": "someone-else"]],
                "actions": ["completed": [["id": "a1", "description": "Refund", "result": "Done", "completed_by": "someone-else"]]],
            ])
            let decisions = try #require(updated["decisions"]?.arrayValue)
            #expect(decisions.first { $0["id"] == "d2" }?["decided_by"] == "billing-01")
            #expect(decisions.first { $0["id"] == "d1" }?["decided_by"] == "triage-1")
            #expect(updated["actions"]?["completed"]?[0]?["completed_by"] == "billing-01")
            let stored = try await client.getPacket(packetId: try #require(UUID(uuidString: id.stringValue ?? "")))
            #expect(stored.decisions.first { $0.id == "d2" }?.decidedBy == "billing-01")
        }
    }

    @Test("a pre-answered checkpoint on create loses its responder")
    func forgedResponderRemoved() async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(.inProcess) { client in
            let triage = ToolDispatcher(client: client, identity: DispatchFixtures.triage)
            let hitl: JSONValue = ["required": true, "reason": "Refunds need approval", "responded_by": "the-ceo"]
            let created = try await triage.call("handoffrail_create_packet", arguments: DispatchFixtures.createArguments(tag: DispatchFixtures.uniqueTag("hitl"), hitl: hitl))
            #expect(created["hitl"]?["reason"] == "Refunds need approval")
            #expect(created["hitl"]?["responded_by"] == nil || created["hitl"]?["responded_by"] == .null)
        }
    }
}

extension JSONValue {
    /// A copy with `key` set (objects only).
    fileprivate func setting(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var members) = self else { return self }
        members[key] = value
        return .object(members)
    }
}
