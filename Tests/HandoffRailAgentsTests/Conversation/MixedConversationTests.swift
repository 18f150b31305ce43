import Foundation
import HandoffRailAgents
import HandoffRailModels
import Testing

/// Packets whose conversation came from several frameworks, and resuming from a packet.
@Suite("Conversation codecs: mixed sources and packets")
struct MixedConversationTests {
    static func packet(_ entries: [ContextEntry], custom: [String: JSONValue] = [:]) -> Packet {
        let metadata = Metadata(
            sourceAgent: AgentInfo(id: "triage-1", name: "triage"), targetAgent: TargetAgentInfo(id: "billing-1", name: "billing"))
        let context = PacketContext(summary: "Customer wants the Pro plan", conversationState: entries, custom: custom)
        let now = Date(timeIntervalSince1970: 1_763_776_000)
        return Packet(
            id: UUID(), version: "1.0.0", metadata: metadata, context: context, decisions: [], actions: Actions(),
            dependencies: [], status: .created, createdAt: now, updatedAt: now)
    }

    @Test("own-format turns are re-emitted, the others rebuilt as text, in order")
    func mixed() throws {
        let langChain = try AgentSamples.langChain()
        let fromLangChain = try LangChainCodec().extract(langChain)
        let fromOpenAI = try OpenAIAgentsCodec().extract(try AgentSamples.openAIAgents("handoff_input_data"))
        let human = ContextEntry(role: .human, content: "Refund approved")
        let messages = try LangChainCodec().resume(fromLangChain + fromOpenAI + [human], options: ResumeOptions())
        let items = try #require(messages.arrayValue)
        #expect(items.count == fromLangChain.count + fromOpenAI.count + 1)
        #expect(Array(items.prefix(fromLangChain.count)) == langChain.arrayValue)
        #expect(items[fromLangChain.count] == LangChainCodecFixture.message(type: "human", content: "I was charged twice for order A-17."))
        #expect(items.last == LangChainCodecFixture.message(type: "human", content: "Refund approved"))
        let back = try OpenAIAgentsCodec().resume(fromLangChain + fromOpenAI, options: ResumeOptions())
        #expect(Array(back.arrayValue!.suffix(fromOpenAI.count)) == ["input_history", "pre_handoff_items", "new_items"].flatMap {
            (try? AgentSamples.openAIAgents("handoff_input_data"))?[$0]?.arrayValue ?? []
        })
    }

    @Test("resume(packet): ADK authors from the turns, else the packet's source agent")
    func adkAuthors() throws {
        let crew = try CrewAICodec().extract(try AgentSamples.crewAI("crew_output"))
        let packet = Self.packet(crew + [ContextEntry(role: .agent, content: "Invoice sent"), ContextEntry(role: .user, content: "Thanks")])
        let events = try #require(try GoogleADKCodec().resume(packet).arrayValue)
        #expect(events.map { $0["author"] } == ["Sales Rep", "Billing Specialist", "triage", "user"])
        let named = try #require(try GoogleADKCodec().resume(packet, options: ResumeOptions(agentName: "billing")).arrayValue)
        #expect(named[2]["author"] == "billing")
    }

    @Test("resume(packet): CrewAI kickoff inputs get the summary and custom context")
    func crewInputs() throws {
        let packet = Self.packet([ContextEntry(role: .user, content: "Upgrade me")], custom: ["customer_id": "c-42", "flags": ["a": true]])
        let inputs = try CrewAICodec().resume(packet)
        #expect(inputs == [
            "customer_id": "c-42", "flags": #"{"a":true}"#, "summary": "Customer wants the Pro plan",
            "conversation": "user: Upgrade me", "last_output": "",
        ])
    }

    @Test("source tags: unknown frameworks and missing raw are not tags; placement is optional")
    func sourceTags() {
        let raw: JSONValue = ["role": "user", "content": "x"]
        let tag = SourceTag(format: .webAgents, raw: raw)
        #expect(tag.jsonValue == ["format": "webagents", "version": "1", "raw": raw])
        #expect(SourceTag(metadata: [SourceTag.metadataKey: tag.jsonValue]) == tag)
        #expect(SourceTag(metadata: [SourceTag.metadataKey: ["format": "autogen", "version": "1", "raw": raw]]) == nil)
        #expect(SourceTag(metadata: [SourceTag.metadataKey: ["format": "webagents", "version": "1"]]) == nil)
        #expect(SourceTag(metadata: nil) == nil)
        let placed = SourceTag(format: .openAIAgents, raw: raw, placement: ["segment": "new_items"])
        #expect(SourceTag(metadata: [SourceTag.metadataKey: placed.jsonValue])?.placement == ["segment": "new_items"])
    }

    @Test("a whole transcript rides as an artifact through the wire and comes back by format")
    func transcriptArtifact() throws {
        let crew = try AgentSamples.crewAI("crew_output")
        let context = PacketContext(summary: "s", artifacts: [
            NativeTranscript.artifact(try AgentSamples.vercelV4(), format: .vercelAIv4), NativeTranscript.artifact(crew, format: .crewAI),
        ])
        let decoded = try HandoffRailJSON.decode(PacketContext.self, from: HandoffRailJSON.encode(context))
        #expect(decoded.artifacts[1].key == "handoffrail.transcript.crewai.1")
        #expect(NativeTranscript.find(in: decoded.artifacts, format: .crewAI) == crew)
        #expect(NativeTranscript.find(in: decoded.artifacts, format: .vercelAIv4) == (try AgentSamples.vercelV4()))
        #expect(NativeTranscript.find(in: decoded.artifacts, format: .vercelAIv5) == nil)
    }

    @Test("a tag of another version of the same framework is not re-emitted")
    func otherVersion() throws {
        let entry = ContextEntry(
            role: .agent, content: "Hi",
            metadata: [SourceTag.metadataKey: SourceTag(format: ConversationFormat(framework: .langChain, version: "0"), raw: ["type": "x"]).jsonValue])
        let resumed = try LangChainCodec().resume([entry], options: ResumeOptions())
        #expect(resumed == .array([LangChainCodecFixture.message(type: "ai", content: "Hi")]), "\(resumed.normalized)")
    }
}

/// A fresh LangChain message as `messages_to_dict` writes it, spelled out.
enum LangChainCodecFixture {
    static func message(type: String, content: String) -> JSONValue {
        var data: [String: JSONValue] = [
            "content": .string(content), "additional_kwargs": [:], "response_metadata": [:], "type": .string(type), "name": nil, "id": nil,
        ]
        if type == "ai" {
            data["tool_calls"] = []
            data["invalid_tool_calls"] = []
            data["usage_metadata"] = .null
        }
        return ["type": .string(type), "data": .object(data)]
    }
}
