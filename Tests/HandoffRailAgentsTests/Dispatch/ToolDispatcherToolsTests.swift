import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// Every generated tool executed once through the dispatcher against the real stack, in
/// process and over live sockets, with arguments written the way models write them.
@Suite("ToolDispatcher: every generated tool")
struct ToolDispatcherToolsTests {
    @Test("each generated tool runs with model-like arguments and answers per its output schema", arguments: TransportKind.allCases)
    func everyGeneratedTool(_ transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        let names = try await server.withClient(transport) { client in
            let triage = ToolDispatcher(client: client, identity: DispatchFixtures.triage)
            let billing = ToolDispatcher(client: client, identity: DispatchFixtures.billing)
            var called: [String] = []
            func call(_ dispatcher: ToolDispatcher, _ name: String, _ arguments: JSONValue) async throws -> JSONValue {
                let result = try await dispatcher.call(name, arguments: arguments)
                try DispatchFixtures.expectMatchesOutputSchema(result, of: try #require(dispatcher.tool(named: name)))
                called.append(name)
                return result
            }
            let tag = DispatchFixtures.uniqueTag("tools")

            let created = try await call(triage, "handoffrail_create_packet", DispatchFixtures.createArguments(tag: tag))
            let id = try #require(created["id"]?.stringValue)
            #expect(created["status"] == "created")
            #expect(DispatchFixtures.string(created, "metadata", "source_agent", "id") == "triage-1")
            #expect(created["metadata"]?["source_agent"] == ["id": "triage-1", "name": "Triage", "framework": "openai-agents", "version": "2.1"])
            #expect(created["context"]?["custom"] == ["ticket": "T-1042"])

            let fetched = try await call(billing, "handoffrail_get_packet", ["packet_id": .string(id)])
            #expect(fetched["id"] == .string(id))

            // `status` as a list and `limit` as a string: both coerced for the query.
            let listed = try await call(billing, "handoffrail_list_packets", ["tags": [.string(tag)], "status": ["created", "claimed"], "limit": "5", "cursor": .null])
            #expect(listed["total"] == 1)
            #expect(listed["packets"]?[0]?["id"] == .string(id))
            #expect(listed["limit"] == 5)

            // The model claims to be someone else; the packet records the dispatcher's agent.
            let claimed = try await call(billing, "handoffrail_claim_packet", ["packet_id": .string(id), "agent_id": "mallory", "agent_name": "Mallory"])
            #expect(claimed["status"] == "claimed")
            #expect(claimed["metadata"]?["target_agent"] == ["id": "billing-01", "name": "Billing", "framework": "langchain"])

            let updated = try await call(billing, "handoffrail_update_packet", [
                "packet_id": .string(id), "status": "in_progress", "context": .null, "hitl": .null,
                "decisions": [["id": "d2", "decision": "Refund 19.99 EUR", "rationale": "Duplicate confirmed."]],
            ])
            #expect(updated["status"] == "in_progress")
            #expect(updated["decisions"]?.arrayValue?.count == 2)

            let history = try await call(triage, "handoffrail_get_packet_history", ["packet_id": .string(id)])
            let events = try #require(history["events"]?.arrayValue)
            #expect(events.compactMap { $0["event_type"]?.stringValue }.prefix(3) == ["created", "claimed", "in_progress"])
            #expect(events.first?["actor"] == "agent:triage-1")

            let child = try await call(billing, "handoffrail_chain_packet", [
                "packet_id": .string(id),
                "metadata": ["target_agent": ["id": "shipping-7", "name": "Shipping"], "source_agent": ["id": "ceo", "name": "Mallory"], "tags": [.string(tag)]],
                "context": ["summary": "Refund issued; send the replacement."],
            ])
            #expect(child["parent_packet_id"] == .string(id))
            #expect(child["metadata"]?["source_agent"]?["id"] == "billing-01")

            let approval = DispatchFixtures.createArguments(tag: tag, hitl: ["required": true, "reason": "Refunds above 10 EUR need approval", "question": "Refund?", "options": ["yes", "no"]])
            let waiting = try await triage.call("handoffrail_create_packet", arguments: approval)
            #expect(waiting["status"] == "awaiting_human")
            let answered = try await call(billing, "handoffrail_respond_to_packet", [
                "packet_id": try #require(waiting["id"]), "response": "yes", "notes": .null, "responded_by": "the-ceo",
            ])
            #expect(answered["status"] == "claimed")
            #expect(answered["hitl"]?["response"] == "yes")
            #expect(answered["hitl"]?["responded_by"] == "billing-01")
            return called
        }
        #expect(Set(names) == Set(ToolSpec.generated.map(\.name)))
        #expect(names.count == ToolSpec.generated.count)
    }
}
