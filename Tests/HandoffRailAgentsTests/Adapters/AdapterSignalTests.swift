import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// `handle(native:)`: each framework's own handoff signal becomes a packet sent from the
/// adapter's identity, with the transcript's turns.
@Suite("Adapters: handoff signals → packets", .timeLimit(.minutes(3)))
struct AdapterSignalTests {
    typealias Support = AdapterTestSupport

    @Test("every framework with a signal creates one packet per handoff; no signal creates nothing", arguments: TransportKind.allCases)
    func signalsBecomePackets(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            // OpenAI Agents: transfer_to_refund_agent in new_items; target resolved via `targets`.
            let refunds = TargetAgentInfo(id: "refunds-01", name: "Refunds")
            let openAI = HandoffAdapter.openAIAgents(client: client, identity: Support.identity("triage", .openAIAgents), targets: ["refund_agent": refunds])
            let newItems = try #require(try AgentSamples.openAIAgents("handoff_input_data")["new_items"])
            try await Self.expectOne(openAI, newItems, target: refunds, signal: "transfer_tool_call")

            // Google ADK: transfer_to_agent call + actions.transferToAgent, one intent.
            let adk = HandoffAdapter.googleADK(client: client, identity: Support.identity("root", .googleADK))
            try await Self.expectOne(adk, try AgentSamples.googleADK(), target: TargetAgentInfo(id: "billing_agent", name: "billing_agent"), signal: "transfer_tool_call")

            // LangGraph swarm: transfer_to_hotel_assistant and its ToolMessage.
            let swarm = HandoffAdapter.langGraph(client: client, identity: Support.identity("flights", .langGraph))
            #expect(swarm.identity.framework == .langGraph)
            let swarmMessages: JSONValue = [
                ["type": "human", "data": ["content": "Book a hotel too", "type": "human"]],
                ["type": "ai", "data": [
                    "content": "", "type": "ai", "name": "flight_assistant",
                    "tool_calls": [["name": "transfer_to_hotel_assistant", "args": [:], "id": "call_1", "type": "tool_call"]],
                ]],
                ["type": "tool", "data": ["content": "Successfully transferred to hotel_assistant", "type": "tool", "name": "transfer_to_hotel_assistant", "tool_call_id": "call_1"]],
            ]
            try await Self.expectOne(swarm, swarmMessages, target: TargetAgentInfo(id: "hotel_assistant", name: "hotel_assistant"), signal: "transfer_tool_call")

            // webagents: __HANDOFF_REQUEST__ with the registered @handoff carried verbatim.
            let handoff: JSONValue = ["target": "music_specialist", "description": "Hand off to the music specialist", "scope": "all", "metadata": ["priority": 20]]
            let web = HandoffAdapter.webAgents(client: client, identity: Support.identity("concierge", .webAgents), handoffs: [handoff])
            let webPacket = try await Self.expectOne(
                web, WebAgentsTests.handoffMessages, target: TargetAgentInfo(id: "music_specialist", name: "music_specialist"), signal: "handoff_request_marker")
            #expect(webPacket.context.custom[HandoffIntent.customKey]?["attributes"]?["handoff"] == handoff)
            #expect(webPacket.context.summary == "Hand off to the music specialist")

            // CrewAI: a finished task with a route.
            let crew = HandoffAdapter.crewAI(client: client, identity: Support.identity("crew", .crewAI), routes: ["billing_task": "fulfilment-01"])
            try await Self.expectOne(crew, try AgentSamples.crewAI("task_output"), target: TargetAgentInfo(id: "fulfilment-01", name: "fulfilment-01"), signal: "task_completion")

            // No signal: nothing is created.
            let before = try await client.listPackets(limit: 1).total
            let vercel = HandoffAdapter.vercelAI(.v5, client: client, identity: Support.identity("web", .vercelAI))
            #expect(try await vercel.handle(native: try AgentSamples.vercelV5()).isEmpty)
            #expect(try await swarm.handle(native: try AgentSamples.langChain()).isEmpty)
            #expect(try await HandoffAdapter.crewAI(client: client, identity: Support.identity("crew", .crewAI)).handle(native: try AgentSamples.crewAI("crew_output")).isEmpty)
            #expect(try await client.listPackets(limit: 1).total == before)
        }
    }

    @Test("details apply to signalled packets: priority, tags, custom merged, transcript attached")
    func detailsOnSignals() async throws {
        let server = try await ClientTestServer.make()
        let adk = HandoffAdapter.googleADK(client: server.inProcessClient(), identity: Support.identity("root", .googleADK))
        let events = try AgentSamples.googleADK()
        let details = HandoffDetails(priority: .high, tags: ["billing", "billing"], custom: ["customer_id": "c-42"], attachTranscript: true)
        let packet = try #require(try await adk.handle(native: events, details: details).first)
        #expect(packet.metadata.priority == .high)
        #expect(packet.metadata.tags == ["billing"])
        #expect(packet.context.custom["customer_id"] == "c-42")
        #expect(packet.context.custom[HandoffIntent.customKey]?["framework"] == "google-adk")
        #expect(NativeTranscript.find(in: packet.context.artifacts, format: .googleADK)?.normalized == events.normalized)
        #expect(try adk.resumeConversation(packet).normalized == events.normalized)
    }

    /// `native` makes exactly one packet from `adapter`'s identity to `target`, carrying the
    /// signal record and the transcript's turns.
    @discardableResult
    static func expectOne<C: ConversationCodec>(
        _ adapter: HandoffAdapter<C>, _ native: JSONValue, target: TargetAgentInfo, signal: String
    ) async throws -> Packet {
        let packets = try await adapter.handle(native: native)
        #expect(packets.count == 1, "\(adapter.identity.name)")
        let packet = try #require(packets.first)
        #expect(packet.metadata.sourceAgent == adapter.identity.agentInfo)
        #expect(packet.metadata.targetAgent.id == target.id)
        #expect(packet.metadata.targetAgent.name == target.name)
        #expect(packet.context.custom[HandoffIntent.customKey]?["signal"] == .string(signal))
        #expect(packet.context.conversationState == (try adapter.codec.extract(native)))
        #expect(packet.status == .created)
        return packet
    }
}
