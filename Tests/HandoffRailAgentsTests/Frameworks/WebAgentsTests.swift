import HandoffRailAgents
import HandoffRailModels
import Testing

@Suite("webagents codec, stream and handoff signals")
struct WebAgentsTests {
    @Test("the streamed reply of the remote handoff sample folds into one assistant message")
    func stream() throws {
        let exchange = try AgentSamples.webAgentsExchange()
        #expect(exchange.chunks.count == 2)
        #expect(try WebAgentsStream.message(from: exchange.chunks) == ["role": "assistant", "content": "Try Kind of Blue"])
        let entries = try WebAgentsCodec().extract(try AgentSamples.webAgents())
        #expect(entries.map(\.role) == [.user, .agent])
        #expect(entries.map(\.content) == ["Recommend a jazz album", "Try Kind of Blue"])
    }

    @Test("tool-call fragments are joined by index")
    func toolCallChunks() throws {
        let chunks: [JSONValue] = [
            ["choices": [["index": 0, "delta": ["role": "assistant", "tool_calls": [["index": 0, "id": "call_1", "function": ["name": "use_specialist", "arguments": "{\"to"]]]]]]],
            ["choices": [["index": 0, "delta": ["tool_calls": [["index": 0, "function": ["arguments": "pic\":\"jazz\"}"]]]]]]],
            ["choices": [["index": 0, "delta": [:], "finish_reason": "tool_calls"]]],
        ]
        let message = try WebAgentsStream.message(from: chunks)
        #expect(message == [
            "role": "assistant", "content": nil,
            "tool_calls": [["id": "call_1", "type": "function", "function": ["name": "use_specialist", "arguments": #"{"topic":"jazz"}"#]]],
        ])
        #expect(throws: ConversationCodecError.self) { try WebAgentsStream.chunks(fromEventStream: "data: {oops\n\n") }
    }

    /// A conversation in which a tool asked for a handoff.
    static let handoffMessages: JSONValue = [
        ["role": "user", "content": "I need a jazz expert"],
        ["role": "assistant", "content": nil, "tool_calls": [["id": "call_9", "type": "function", "function": ["name": "use_specialist", "arguments": "{}"]]]],
        ["role": "tool", "tool_call_id": "call_9", "content": "__HANDOFF_REQUEST__:music_specialist"],
    ]

    @Test("__HANDOFF_REQUEST__ with the @handoff metadata carried verbatim, priority included")
    func decoder() throws {
        let handoff: JSONValue = [
            "target": "music_specialist", "description": "Hand off to the music specialist", "scope": "all",
            "metadata": ["priority": 20, "is_generator": true],
        ]
        let intents = try WebAgentsHandoffDecoder(handoffs: [handoff]).decode(Self.handoffMessages)
        #expect(intents.count == 1)
        let intent = try #require(intents.first)
        #expect(intent.targetAgent == "music_specialist")
        #expect(intent.signal == .handoffRequestMarker)
        #expect(intent.reason == "Hand off to the music specialist")
        #expect(intent.attributes["handoff"] == handoff)
        #expect(intent.attributes["priority"] == 20)
        #expect(intent.priority == nil)  // webagents' handler order is not a packet priority
        #expect(intent.sourceItems == [Self.handoffMessages[1]!, Self.handoffMessages[2]!])
        let create = intent.packetCreate(from: AgentIdentity(id: "coordinator", name: "coordinator", framework: .webAgents))
        #expect(create.context.custom[HandoffIntent.customKey]?["attributes"]?["handoff"] == handoff)
        #expect(create.metadata.priority == .normal)
        #expect(create.context.summary == "Hand off to the music specialist")
        let turns = try WebAgentsCodec().extract(Self.handoffMessages)
        #expect(turns[2].content == "[tool result] use_specialist: __HANDOFF_REQUEST__:music_specialist")
    }

    @Test("no marker, an empty target, or a marker mid-text are not handoffs; one message works alone")
    func edges() throws {
        let decoder = WebAgentsHandoffDecoder()
        #expect(try decoder.decode(try AgentSamples.webAgents()).isEmpty)
        #expect(try decoder.decode([["role": "tool", "content": "__HANDOFF_REQUEST__:"]]).isEmpty)
        #expect(try decoder.decode([["role": "assistant", "content": "say __HANDOFF_REQUEST__:x"]]).isEmpty)
        let single = try decoder.decode(["role": "tool", "tool_call_id": "c", "content": "__HANDOFF_REQUEST__:billing"])
        #expect(single.map(\.targetAgent) == ["billing"])
        #expect(single.first?.attributes.isEmpty == true)
    }
}
