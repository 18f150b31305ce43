import HandoffRailAgents
import HandoffRailModels
import Testing

@Suite("Handoff intents become create-packet requests")
struct HandoffIntentTests {
    static let me = AgentIdentity(id: "triage-1", name: "Triage", framework: .openAIAgents, version: "2")

    @Test("source is the adapter's identity; target, summary, priority and signal come from the intent")
    func packetCreate() throws {
        let items = try AgentSamples.openAIAgents("handoff_input_data")
        let intent = try #require(try OpenAIAgentsHandoffDecoder().decode(items).first)
        let turns = try OpenAIAgentsCodec().extract(items)
        let create = intent.packetCreate(from: Self.me, conversation: turns, tags: ["refund"])
        #expect(create.metadata.sourceAgent == AgentInfo(id: "triage-1", name: "Triage", framework: "openai-agents", version: "2"))
        #expect(create.metadata.targetAgent == TargetAgentInfo(id: "refund_agent", name: "Refund Agent"))
        #expect(create.metadata.priority == .normal)
        #expect(create.metadata.tags == ["refund"])
        #expect(create.context.summary == "Handoff from Triage to Refund Agent")
        #expect(create.context.conversationState == turns)
        let record = try #require(create.context.custom[HandoffIntent.customKey])
        #expect(record["framework"] == "openai-agents")
        #expect(record["signal"] == "transfer_tool_call")
        #expect(record["source_items"]?.arrayValue?.count == 2)
        // It is a valid wire request.
        let decoded = try HandoffRailJSON.decode(PacketCreate.self, from: HandoffRailJSON.encode(create), strictEnums: true)
        #expect(decoded == create)
    }

    @Test("summary before reason, and the intent's priority")
    func summaryAndPriority() {
        var intent = HandoffIntent(framework: .langGraph, signal: .transferToolCall, targetAgent: "hotel", reason: "hotels", priority: .critical)
        #expect(intent.packetCreate(from: Self.me).context.summary == "hotels")
        #expect(intent.packetCreate(from: Self.me).metadata.priority == .critical)
        intent.summary = "User wants a hotel in Rome"
        #expect(intent.packetCreate(from: Self.me).context.summary == "User wants a hotel in Rome")
        intent.summary = ""
        #expect(intent.packetCreate(from: Self.me).context.summary == "hotels")
    }

    @Test("packet priorities from signal values", arguments: [
        (JSONValue.string("low"), Priority?.some(.low)), ("Critical", .critical), ("urgent", nil), (20, nil), (nil, nil),
    ])
    func priorities(value: JSONValue?, expected: Priority?) {
        #expect(HandoffIntent.packetPriority(from: value) == expected)
    }
}
