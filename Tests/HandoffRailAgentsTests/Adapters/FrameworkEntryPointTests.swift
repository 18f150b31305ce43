import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// The framework-typed entry points, through the real stack: CrewAI task → packet → kickoff
/// inputs, OpenAI `HandoffInputData` → packet → `HandoffInputData`.
@Suite("Adapters: CrewAI and OpenAI Agents entry points", .timeLimit(.minutes(3)))
struct FrameworkEntryPointTests {
    typealias Support = AdapterTestSupport

    @Test("CrewAI: TaskOutput → packet → kickoff inputs of strings filling the next crew's placeholders", arguments: TransportKind.allCases)
    func crewAITaskToKickoffInputs(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let task = try AgentSamples.crewAI("task_output")
            let billing = HandoffAdapter.crewAI(client: client, identity: Support.identity("billing-crew", .crewAI))
            let fulfilment = HandoffAdapter.crewAI(client: client, identity: Support.identity("fulfilment-crew", .crewAI))
            let packet = try await billing.handoffFromTask(
                task, to: Support.target(fulfilment.identity), details: HandoffDetails(custom: ["customer_id": "c-42"]))
            #expect(packet.context.summary == "billing_task completed by Billing Specialist")
            #expect(packet.context.custom["invoice_id"] == task["json_dict"]?["invoice_id"])
            #expect(packet.context.custom["amount"] == task["json_dict"]?["amount"])

            let claimed = try await fulfilment.claimHandoff(packet.id)
            let inputs = try fulfilment.kickoffInputs(for: claimed)
            let raw = try #require(task["raw"]?.stringValue)
            #expect(inputs == [
                "customer_id": "c-42",
                "invoice_id": "INV-9",
                "amount": "29.0",
                "summary": "billing_task completed by Billing Specialist",
                "conversation": "Billing Specialist: \(raw)",
                "last_output": raw,
            ])
            // Same framework: the original TaskOutput comes back from the stored packet.
            #expect(try #require(fulfilment.restoreOutput(of: claimed)).normalized == task.normalized)
        }
    }

    @Test("CrewAI: a summary given wins; a task without name or agent still has a summary")
    func crewAISummaries() throws {
        let adapter = HandoffAdapter.crewAI(client: HandoffRailClient(transport: UnusedTransport()), identity: AgentIdentity(id: "c", name: "C"))
        let target = TargetAgentInfo(id: "next", name: "Next")
        let given = try adapter.packetCreate(fromTask: try AgentSamples.crewAI("task_output"), to: target, summary: "Invoice ready")
        #expect(given.context.summary == "Invoice ready")
        let crew = try adapter.packetCreate(fromTask: try AgentSamples.crewAI("crew_output"), to: target)
        #expect(crew.context.summary == "billing_task completed by Billing Specialist")
        #expect(crew.context.conversationState.count == 2)
        let bare = try adapter.packetCreate(fromTask: ["raw": "done", "description": ""], to: target)
        #expect(bare.context.summary == "CrewAI task completed")
        #expect(bare.context.custom.isEmpty)
    }

    @Test("OpenAI Agents: HandoffInputData → packet → the same HandoffInputData; the handoff call names the target", arguments: TransportKind.allCases)
    func openAIHandoffInputDataRoundTrip(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let data = try AgentSamples.openAIAgents("handoff_input_data")
            let refunds = Support.identity("refunds", .openAIAgents)
            let triage = HandoffAdapter.openAIAgents(
                client: client, identity: Support.identity("triage", .openAIAgents), targets: ["refund_agent": Support.target(refunds)])
            let packet = try await triage.createHandoff(from: data, details: HandoffDetails(attachTranscript: true))
            #expect(packet.metadata.targetAgent == Support.target(refunds))
            #expect(packet.context.summary == "Handoff from triage to Refund Agent")
            let signal = try #require(packet.context.custom[HandoffIntent.customKey])
            #expect(signal["target_agent"] == "refund_agent")
            #expect(signal["signal"] == "transfer_tool_call")
            #expect(NativeTranscript.find(in: packet.context.artifacts, format: .openAIAgents)?.normalized == data.normalized)

            let receiver = HandoffAdapter.openAIAgents(client: client, identity: refunds)
            let claimed = try await receiver.claimHandoff(packet.id)
            #expect(try receiver.resumeHandoffInputData(claimed).normalized == data.normalized)
            let items = try receiver.resumeInputItems(claimed)
            let expected = ["input_history", "pre_handoff_items", "new_items"].flatMap { data[$0]?.arrayValue ?? [] }
            #expect(JSONValue.array(items).normalized == JSONValue.array(expected).normalized)
        }
    }

    @Test("OpenAI Agents: an explicit target and summary win; no signal and no target is a typed error")
    func openAITargets() throws {
        let triage = HandoffAdapter.openAIAgents(client: HandoffRailClient(transport: UnusedTransport()), identity: AgentIdentity(id: "t", name: "Triage"))
        let data = try AgentSamples.openAIAgents("handoff_input_data")
        let explicit = TargetAgentInfo(id: "humans", name: "Support desk")
        let create = try triage.packetCreate(fromHandoffInputData: data, to: explicit, summary: "Duplicate charge on A-17")
        #expect(create.metadata.targetAgent == explicit)
        #expect(create.context.summary == "Duplicate charge on A-17")
        #expect(create.metadata.sourceAgent == AgentInfo(id: "t", name: "Triage", framework: "openai-agents"))

        let withoutTools = try AgentSamples.openAIAgents("after_remove_all_tools")
        #expect(throws: HandoffAdapterError.noHandoffSignal(framework: .openAIAgents)) {
            try triage.packetCreate(fromHandoffInputData: withoutTools)
        }
        let toHumans = try triage.packetCreate(fromHandoffInputData: withoutTools, to: explicit)
        #expect(toHumans.context.summary == "Handoff from Triage")
        #expect(toHumans.context.conversationState.count == 2)
    }
}

extension FrameworkEntryPointTests {
    @Test("Vercel AI v5: a chat as the UI posts it (UIMessage[]) is handed on as its ModelMessages", arguments: TransportKind.allCases)
    func vercelUIMessages(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let sample = try AgentSamples.json("vercel_ai_v5plus_ui_to_model.json")
            let web = HandoffAdapter.vercelAI(.v5, client: client, identity: Support.identity("web", .vercelAI))
            let support = Support.identity("support", .vercelAI)
            let packet = try await web.createHandoff(
                to: Support.target(support), summary: "Calculator follow-up", uiMessages: try #require(sample["uiMessages"]))
            // The stored turns are those of the AI SDK's own conversion, so they resume to it.
            #expect(try web.resumeConversation(packet).normalized == (try #require(sample["modelMessages"])).normalized)
            #expect(packet.metadata.sourceAgent.framework == "vercel-ai")
        }
    }
}

/// A transport for adapters whose test never sends: any request fails the test.
struct UnusedTransport: HandoffRailTransport {
    func send(_ request: TransportRequest) async throws -> TransportResponse {
        Issue.record("unexpected request \(request.method) \(request.path)")
        throw HandoffRailError(kind: .connection, reason: "this test sends nothing")
    }
}
