import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// The whole handoff loop per framework against the real server with live events: agent A
/// (framework X) hands on a real sample transcript, agent B (another framework) receives it
/// from its live `handoffs()` stream, claims it, resumes it in its own framework, completes it;
/// A's framework resumes the stored packet to exactly the original JSON.
@Suite("Adapters: the live handoff loop per framework", .timeLimit(.minutes(5)))
struct AdapterLiveLoopTests {
    typealias Support = AdapterTestSupport

    @Test("every framework: create from a sample → B's live stream → claim → resume → complete")
    func everyFramework() async throws {
        try await LiveEventsServer.run { server in
            let client = server.client()
            // LangChain messages → Google ADK events.
            let langChainSample = try AgentSamples.langChain()
            try await Self.loop(
                "langchain → google-adk", sender: .langChain(client: client, identity: Support.identity("sales", .langChain)),
                receiver: .googleADK(client: client, identity: Support.identity("support", .googleADK)), original: langChainSample,
                send: { sender, target in try await sender.createHandoff(to: target, summary: "Upgrade to Pro", conversation: langChainSample) },
                sameFormat: { sender, packet in try sender.resumeConversation(packet) })

            // OpenAI Agents HandoffInputData (transfer_to_refund_agent) → LangChain messages.
            let handoffInputData = try AgentSamples.openAIAgents("handoff_input_data")
            let refunds = Support.identity("refunds", .langChain)
            try await Self.loop(
                "openai-agents → langchain",
                sender: .openAIAgents(client: client, identity: Support.identity("triage", .openAIAgents), targets: ["refund_agent": Support.target(refunds)]),
                receiver: .langChain(client: client, identity: refunds), original: handoffInputData,
                send: { sender, _ in try await sender.createHandoff(from: handoffInputData) },
                sameFormat: { sender, packet in try sender.resumeHandoffInputData(packet) })

            // CrewAI CrewOutput → OpenAI Agents input items.
            let crewOutput = try AgentSamples.crewAI("crew_output")
            try await Self.loop(
                "crewai → openai-agents", sender: .crewAI(client: client, identity: Support.identity("billing-crew", .crewAI)),
                receiver: .openAIAgents(client: client, identity: Support.identity("fulfilment", .openAIAgents)), original: crewOutput,
                send: { sender, target in try await sender.handoffFromTask(crewOutput, to: target) },
                sameFormat: { sender, packet in try #require(sender.restoreOutput(of: packet)) })

            // Vercel AI v4 CoreMessages → CrewAI kickoff inputs.
            let v4 = try AgentSamples.vercelV4()
            try await Self.loop(
                "vercel-ai v4 → crewai", sender: .vercelAI(.v4, client: client, identity: Support.identity("web-v4", .vercelAI)),
                receiver: .crewAI(client: client, identity: Support.identity("crew", .crewAI)), original: v4,
                send: { sender, target in try await sender.createHandoff(to: target, summary: "Weather follow-up", conversation: v4) },
                sameFormat: { sender, packet in try sender.resumeConversation(packet) },
                received: { receiver, packet in
                    let inputs = try receiver.kickoffInputs(for: packet)
                    #expect(inputs["summary"] == packet.context.summary)
                    #expect(inputs["last_output"] == packet.context.conversationState.last { $0.role == .agent }?.content)
                    #expect(inputs["conversation"]?.isEmpty == false)
                })

            // Vercel AI v5 ModelMessages → webagents chat messages.
            let v5 = try AgentSamples.vercelV5()
            try await Self.loop(
                "vercel-ai v5 → webagents", sender: .vercelAI(.v5, client: client, identity: Support.identity("web-v5", .vercelAI)),
                receiver: .webAgents(client: client, identity: Support.identity("concierge", .webAgents)), original: v5,
                send: { sender, target in try await sender.createHandoff(to: target, summary: "Continue the chat", conversation: v5) },
                sameFormat: { sender, packet in try sender.resumeConversation(packet) })

            // Google ADK transfer_to_agent (a signal, via handle) → Vercel AI v5.
            let events = try AgentSamples.googleADK()
            let billing = Support.identity("billing", .vercelAI)
            try await Self.loop(
                "google-adk → vercel-ai v5",
                sender: .googleADK(client: client, identity: Support.identity("root", .googleADK), targets: ["billing_agent": Support.target(billing)]),
                receiver: .vercelAI(.v5, client: client, identity: billing), original: events,
                send: { sender, _ in try #require(try await sender.handle(native: events).first) },
                sameFormat: { sender, packet in try sender.resumeConversation(packet) })

            // webagents remote handoff (request + streamed reply) → Vercel AI v4.
            let exchange = try AgentSamples.webAgentsExchange()
            let webText = try AgentSamples.text("webagents_remote_handoff_sse.txt")
            let transcript = try HandoffAdapter<WebAgentsCodec>.webAgentsTranscript(messages: try #require(exchange.request["messages"]), eventStream: webText)
            #expect(transcript == (try AgentSamples.webAgents()))
            try await Self.loop(
                "webagents → vercel-ai v4", sender: .webAgents(client: client, identity: Support.identity("coordinator", .webAgents)),
                receiver: .vercelAI(.v4, client: client, identity: Support.identity("web-v4-b", .vercelAI)), original: transcript,
                send: { sender, target in try await sender.createHandoff(to: target, summary: "Music recommendation", conversation: transcript) },
                sameFormat: { sender, packet in try sender.resumeConversation(packet) })
        }
    }

    /// One loop: `send` creates the packet while B's live stream runs; B claims, checks its
    /// resume (`received`; by default: B's codec reads back the same turn texts), completes.
    static func loop<A: ConversationCodec, B: ConversationCodec>(
        _ name: String, sender: HandoffAdapter<A>, receiver: HandoffAdapter<B>, original: JSONValue,
        send: @escaping @Sendable (HandoffAdapter<A>, TargetAgentInfo) async throws -> Packet,
        sameFormat: (HandoffAdapter<A>, Packet) throws -> JSONValue,
        received: ((HandoffAdapter<B>, Packet) throws -> Void)? = nil
    ) async throws {
        let target = Support.target(receiver.identity)
        let (created, packets) = try await Support.collect(1, from: receiver.handoffs(delivery: .liveEvents())) {
            try await send(sender, target)
        }
        #expect(packets.map(\.id) == [created.id], "\(name)")
        #expect(created.metadata.sourceAgent == sender.identity.agentInfo, "\(name)")
        #expect(created.metadata.targetAgent.id == receiver.identity.id, "\(name)")

        let claimed = try await receiver.claimHandoff(created.id)
        #expect(claimed.status == .claimed, "\(name)")
        #expect(claimed.metadata.targetAgent.id == receiver.identity.id, "\(name)")
        #expect(claimed.metadata.targetAgent.framework == receiver.identity.framework?.rawValue, "\(name)")

        // Same framework: the stored packet resumes to the original document, byte for byte
        // after key sorting.
        #expect(try sameFormat(sender, claimed).normalized == original.normalized, "\(name): same-format resume")

        // B's own framework.
        if let received {
            try received(receiver, claimed)
        } else {
            let resumed = try receiver.resumeConversation(claimed)
            let readBack = try receiver.codec.extract(resumed)
            #expect(Support.contents(readBack) == Support.contents(claimed.context.conversationState), "\(name): cross-format resume")
        }

        let done = try await receiver.completeHandoff(claimed.id, result: "handled by \(receiver.identity.name)")
        #expect(done.status == .completed, "\(name)")
        #expect(done.actions.completed.map(\.result) == ["handled by \(receiver.identity.name)"], "\(name)")
        #expect(done.actions.completed.first?.completedBy == receiver.identity.id, "\(name)")
    }
}
