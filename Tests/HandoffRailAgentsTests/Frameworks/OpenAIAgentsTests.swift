import HandoffRailAgents
import HandoffRailModels
import Testing

@Suite("OpenAI Agents codec and handoff signals")
struct OpenAIAgentsTests {
    static let samples = ["handoff_input_data", "after_nest_handoff_history", "after_remove_all_tools"]

    @Test("HandoffInputData samples round-trip exactly, including null input_items and empty lists", arguments: samples)
    func handoffInputData(sample: String) throws {
        let codec = OpenAIAgentsCodec()
        let original = try AgentSamples.openAIAgents(sample)
        let entries = try CodecRoundTripTests.overTheWire(try codec.extract(original))
        let restored = try codec.resumeHandoffInputData(entries, options: ResumeOptions())
        #expect(restored == original)
        #expect(restored.normalized == original.normalized)
        let items = try codec.resume(entries, options: ResumeOptions())
        let expected = ["input_history", "pre_handoff_items", "new_items"].flatMap { original[$0]?.arrayValue ?? [] }
        #expect(items == .array(expected))
    }

    @Test("items read as text: reasoning, function calls, outputs named by call id")
    func turns() throws {
        let entries = try OpenAIAgentsCodec().extract(try AgentSamples.openAIAgents("handoff_input_data"))
        #expect(entries.map(\.content) == [
            "I was charged twice for order A-17.",
            "[reasoning] User reports duplicate charge",
            #"[tool call] lookup_order {"order_id":"A-17"}"#,
            #"[tool result] lookup_order: {"charges": 2}"#,
            "I can see two charges on A-17.",
            "[tool call] transfer_to_refund_agent {}",
            #"[tool result] transfer_to_refund_agent: {"assistant": "Refund Agent"}"#,
        ])
        #expect(entries.map(\.role) == [.user, .agent, .agent, .agent, .agent, .agent, .agent])
    }

    @Test("input_history given as a string comes back as a string")
    func stringHistory() throws {
        let codec = OpenAIAgentsCodec()
        let original: JSONValue = ["input_history": "Refund please", "pre_handoff_items": [], "new_items": [["role": "assistant", "content": "On it"]], "input_items": nil]
        let entries = try codec.extract(original)
        #expect(entries.first?.role == .user)
        #expect(try codec.resumeHandoffInputData(entries, options: ResumeOptions()) == original)
    }

    @Test("turns from another format join input_history as messages")
    func crossFormatData() throws {
        let turns = try LangChainCodec().extract(try AgentSamples.langChain())
        let data = try OpenAIAgentsCodec().resumeHandoffInputData(turns, options: ResumeOptions())
        #expect(data["input_history"]?.arrayValue?.count == turns.count)
        #expect(data["input_history"]?[0] == ["role": "system", "content": "You are SalesBot."])
        #expect(data["new_items"] == [])
        #expect(data["input_items"] == .null)
    }

    @Test("transfer_to_refund_agent with its output is one intent named Refund Agent")
    func decoder() throws {
        for sample in Self.samples.dropLast() {
            let intents = try OpenAIAgentsHandoffDecoder().decode(try AgentSamples.openAIAgents(sample))
            #expect(intents.count == 1, "\(sample)")
            let intent = try #require(intents.first)
            #expect(intent.targetAgent == "refund_agent")
            #expect(intent.targetDisplayName == "Refund Agent")
            #expect(intent.signal == .transferToolCall)
            #expect(intent.sourceItems.count == 2)
            #expect(intent.priority == nil)
        }
        #expect(try OpenAIAgentsHandoffDecoder().decode(try AgentSamples.openAIAgents("after_remove_all_tools")).isEmpty)
    }

    @Test("an overridden tool name with typed input gives reason and priority; unknown priorities stay verbatim")
    func typedInput() throws {
        let items: JSONValue = [
            ["type": "function_call", "name": "escalate_to_refunds", "call_id": "c1", "arguments": #"{"reason":"double charge","priority":"HIGH"}"#],
            ["type": "function_call", "name": "transfer_to_billing", "call_id": "c2", "arguments": #"{"priority":"urgent"}"#],
            ["type": "function_call", "name": "lookup_order", "call_id": "c3", "arguments": "{}"],
        ]
        let intents = try OpenAIAgentsHandoffDecoder(handoffTools: ["escalate_to_refunds": "refund_agent"]).decode(items)
        #expect(intents.map(\.targetAgent) == ["refund_agent", "billing"])
        #expect(intents[0].reason == "double charge")
        #expect(intents[0].priority == .high)
        #expect(intents[1].priority == nil)
        #expect(intents[1].attributes["arguments"] == ["priority": "urgent"])
    }

    @Test("hosted-tool items and content parts read as text; a bad role or a non-object item is malformed")
    func edges() throws {
        let codec = OpenAIAgentsCodec()
        let items: JSONValue = [
            ["type": "web_search_call", "id": "ws_1", "status": "completed"],
            ["type": "message", "role": "developer", "content": [["type": "input_text", "text": "Be kind"], ["type": "input_image", "image_url": "x"]]],
            ["type": "computer_call_output", "call_id": "cc", "output": ["type": "computer_screenshot"]],
        ]
        let entries = try codec.extract(items)
        #expect(entries.map(\.content) == ["[web_search_call]", "Be kind", #"[tool result] {"type":"computer_screenshot"}"#])
        #expect(entries.map(\.role) == [.agent, .system, .agent])
        #expect(try codec.resume(entries, options: ResumeOptions()) == items)
        let badRole = #expect(throws: ConversationCodecError.self) { try codec.extract([["role": "critic", "content": "x"]]) }
        #expect(badRole?.location == "$[0].role")
        #expect(throws: ConversationCodecError.self) { try codec.extract(["x"]) }
        #expect(throws: ConversationCodecError.self) { try codec.extract(["unrelated": []]) }
    }
}
