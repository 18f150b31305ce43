import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// What a receiving agent's framework is given after a real handoff: every sample transcript
/// is handed on through the server (in-process), claimed, and resumed by a LangChain, a
/// Google ADK, an OpenAI Agents and a CrewAI adapter.
///
/// With `HANDOFFRAIL_AGENTS_EXPORT=<dir>` the resumed documents are written to
/// `<dir>/adapters/<receiver>/<sample>.json` for `tests/python/agents/check_adapters.py`,
/// which feeds them to the real libraries (`messages_from_dict`, `Event.model_validate`,
/// the OpenAI Agents SDK's Runner and Chat Completions converter). Without it, each
/// document is read back by the receiver's own codec.
@Suite("Adapters: interop export of resumed handoffs", .timeLimit(.minutes(3)))
struct AdapterInteropTests {
    typealias Support = AdapterTestSupport

    /// Every sample with the adapter call that hands it on (A's side).
    static func samples() throws -> [(name: String, send: @Sendable (HandoffRailClient, TargetAgentInfo) async throws -> Packet)] {
        let langChain = try AgentSamples.langChain()
        let handoffInputData = try AgentSamples.openAIAgents("handoff_input_data")
        let crewOutput = try AgentSamples.crewAI("crew_output")
        let taskOutput = try AgentSamples.crewAI("task_output")
        let v4 = try AgentSamples.vercelV4()
        let v5 = try AgentSamples.vercelV5()
        let events = try AgentSamples.googleADK()
        let web = try AgentSamples.webAgents()
        @Sendable func me(_ framework: AgentFramework) -> AgentIdentity { Support.identity("sender", framework) }
        return [
            ("langchain", { client, to in try await HandoffAdapter.langChain(client: client, identity: me(.langChain)).createHandoff(to: to, summary: "s", conversation: langChain) }),
            ("openai-agents", { client, to in try await HandoffAdapter.openAIAgents(client: client, identity: me(.openAIAgents)).createHandoff(from: handoffInputData, to: to) }),
            ("crewai_crew_output", { client, to in try await HandoffAdapter.crewAI(client: client, identity: me(.crewAI)).handoffFromTask(crewOutput, to: to) }),
            ("crewai_task_output", { client, to in try await HandoffAdapter.crewAI(client: client, identity: me(.crewAI)).handoffFromTask(taskOutput, to: to) }),
            ("vercel-ai_v4", { client, to in try await HandoffAdapter.vercelAI(.v4, client: client, identity: me(.vercelAI)).createHandoff(to: to, summary: "s", conversation: v4) }),
            ("vercel-ai_v5", { client, to in try await HandoffAdapter.vercelAI(.v5, client: client, identity: me(.vercelAI)).createHandoff(to: to, summary: "s", conversation: v5) }),
            ("google-adk", { client, to in try await HandoffAdapter.googleADK(client: client, identity: me(.googleADK)).createHandoff(to: to, summary: "s", conversation: events) }),
            ("webagents", { client, to in try await HandoffAdapter.webAgents(client: client, identity: me(.webAgents)).createHandoff(to: to, summary: "s", conversation: web) }),
        ]
    }

    @Test("every sample, handed on and claimed, resumes for LangChain, ADK, OpenAI Agents and CrewAI")
    func export() async throws {
        let server = try await ClientTestServer.make()
        let client = server.inProcessClient()
        let directory = ProcessInfo.processInfo.environment["HANDOFFRAIL_AGENTS_EXPORT"].map {
            URL(fileURLWithPath: $0).appendingPathComponent("adapters")
        }
        let langChain = HandoffAdapter.langChain(client: client, identity: Support.identity("lc", .langChain))
        let adk = HandoffAdapter.googleADK(client: client, identity: Support.identity("adk", .googleADK))
        let openAI = HandoffAdapter.openAIAgents(client: client, identity: Support.identity("oa", .openAIAgents))
        let crew = HandoffAdapter.crewAI(client: client, identity: Support.identity("crew", .crewAI))
        for (name, send) in try Self.samples() {
            // Each receiver claims its own copy, as it would in production.
            let forLangChain = try await langChain.claimHandoff(try await send(client, Support.target(langChain.identity)).id)
            let messages = try langChain.resumeConversation(forLangChain)
            #expect(try langChain.codec.extract(messages).count == forLangChain.context.conversationState.count, "\(name)")

            let forADK = try await adk.claimHandoff(try await send(client, Support.target(adk.identity)).id)
            let adkEvents = try adk.resumeConversation(forADK)
            #expect(try adk.codec.extract(adkEvents).count == forADK.context.conversationState.count, "\(name)")

            let forOpenAI = try await openAI.claimHandoff(try await send(client, Support.target(openAI.identity)).id)
            let items = JSONValue.array(try openAI.resumeInputItems(forOpenAI))
            let handoffInputData = try openAI.resumeHandoffInputData(forOpenAI)
            #expect(try openAI.codec.extract(items).count == forOpenAI.context.conversationState.count, "\(name)")
            #expect(try openAI.codec.extract(handoffInputData).count == forOpenAI.context.conversationState.count, "\(name)")

            let forCrew = try await crew.claimHandoff(try await send(client, Support.target(crew.identity)).id)
            let inputs = try crew.kickoffInputs(for: forCrew)
            #expect(inputs["summary"] == forCrew.context.summary, "\(name)")

            guard let directory else { continue }
            let documents: [(String, JSONValue)] = [
                ("langchain", messages), ("google-adk", adkEvents), ("openai-agents-items", items),
                ("openai-agents-handoff-input-data", handoffInputData),
                ("crewai-kickoff-inputs", .object(inputs.mapValues(JSONValue.string))),
            ]
            for (receiver, document) in documents {
                let folder = directory.appendingPathComponent(receiver)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try document.serializedData(sortedKeys: true).write(to: folder.appendingPathComponent("\(name).json"))
            }
        }
    }
}
