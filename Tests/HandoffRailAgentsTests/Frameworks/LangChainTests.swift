import HandoffRailAgents
import HandoffRailModels
import Testing

@Suite("LangChain codec and LangGraph swarm signals")
struct LangChainTests {
    @Test("messages_to_dict sample: roles, tool calls, tool_call_id, chat role")
    func extract() throws {
        let entries = try LangChainCodec().extract(try AgentSamples.langChain())
        #expect(entries.map(\.role) == [.system, .user, .agent, .agent, .agent, .agent, .agent])
        #expect(entries[1].content == "I want to upgrade to the Pro plan.")
        #expect(entries[2].content == #"[tool call] lookup_account {"customer_id":"c-42"}"#)
        #expect(entries[2].metadata?[TurnMetadata.toolCalls] == [["id": "call_abc123", "name": "lookup_account", "arguments": ["customer_id": "c-42"]]])
        #expect(entries[3].content == #"[tool result] lookup_account: {"plan": "free", "seats": 3}"#)
        #expect(entries[3].metadata?[TurnMetadata.toolCallID] == "call_abc123")
        #expect(entries[5].metadata?[TurnMetadata.kind] == "tool_result")
        #expect(entries[6].content == "Escalation approved")
        #expect(entries[6].metadata?[TurnMetadata.nativeRole] == "supervisor")
    }

    @Test("rebuilt messages have the fields messages_to_dict writes and never type agent")
    func rebuilt() throws {
        let entries = [
            ContextEntry(role: .user, content: "Hi"), ContextEntry(role: .agent, content: "Hello"),
            ContextEntry(role: .system, content: "Be brief"), ContextEntry(role: .human, content: "Approved"),
        ]
        let messages = try LangChainCodec().resume(entries, options: ResumeOptions())
        #expect(messages.arrayValue?.map { $0["type"] } == ["human", "ai", "system", "human"])
        #expect(messages[1] == [
            "type": "ai",
            "data": [
                "content": "Hello", "additional_kwargs": [:], "response_metadata": [:], "type": "ai", "name": nil, "id": nil,
                "tool_calls": [], "invalid_tool_calls": [], "usage_metadata": nil,
            ],
        ])
    }

    @Test("malformed documents fail with a location and no content")
    func malformed() throws {
        let codec = LangChainCodec()
        #expect(throws: ConversationCodecError.self) { try codec.extract(["type": "human"]) }
        let error = #expect(throws: ConversationCodecError.self) {
            try codec.extract([["type": "human", "data": ["content": "secret text"]], ["type": "agent", "data": ["content": "x"]]])
        }
        #expect(error?.code == .unsupportedItem)
        #expect(error?.location == "$[1].type")
        #expect(error?.description.contains("secret") == false)
    }

    @Test("swarm: transfer_to_<agent> tool call and its tool message are one intent")
    func swarm() throws {
        let messages: JSONValue = [
            ["type": "human", "data": ["content": "Book a hotel", "type": "human"]],
            ["type": "ai", "data": [
                "content": "", "type": "ai", "name": "flight_assistant",
                "tool_calls": [["name": "transfer_to_hotel_assistant", "args": ["reason": "hotels"], "id": "call_1", "type": "tool_call"]],
            ]],
            ["type": "tool", "data": ["content": "Successfully transferred to hotel_assistant", "type": "tool", "name": "transfer_to_hotel_assistant", "tool_call_id": "call_1"]],
        ]
        let intents = try LangGraphSwarmHandoffDecoder().decode(messages)
        #expect(intents.count == 1)
        let intent = try #require(intents.first)
        #expect(intent.framework == .langGraph)
        #expect(intent.targetAgent == "hotel_assistant")
        #expect(intent.reason == "hotels")
        #expect(intent.attributes["from_agent"] == "flight_assistant")
        #expect(intent.sourceItems == [messages[1]!, messages[2]!])
    }

    @Test("swarm: the ToolMessage gives the exact node name; custom tool names are configured")
    func swarmNames() throws {
        let messages: JSONValue = [
            ["type": "ai", "data": ["content": "", "type": "ai", "tool_calls": [
                ["name": "transfer_to_hotel_assistant", "args": [:], "id": "c1", "type": "tool_call"],
                ["name": "ask_billing", "args": [:], "id": "c2", "type": "tool_call"],
            ]]],
            ["type": "tool", "data": ["content": "Successfully transferred to Hotel Assistant", "type": "tool", "tool_call_id": "c1"]],
        ]
        let intents = try LangGraphSwarmHandoffDecoder(handoffTools: ["ask_billing": "billing"]).decode(messages)
        #expect(intents.map(\.targetAgent) == ["Hotel Assistant", "billing"])
        #expect(intents.map(\.sourceItems.count) == [2, 1])
        #expect(try LangGraphSwarmHandoffDecoder().decode(messages).map(\.targetAgent) == ["Hotel Assistant"])
    }

    @Test("swarm: the sample has tool calls but no transfer, and a bare prefix is not a target")
    func swarmNegatives() throws {
        #expect(try LangGraphSwarmHandoffDecoder().decode(try AgentSamples.langChain()).isEmpty)
        #expect(TransferToolName.target(of: "transfer_to_") == nil)
        #expect(TransferToolName.target(of: "lookup_account") == nil)
    }

    @Test("content blocks: text kept, other blocks skipped; chunk types map like their messages")
    func contentBlocks() throws {
        let messages: JSONValue = [
            ["type": "AIMessageChunk", "data": ["content": [["type": "text", "text": "Here"], ["type": "image_url", "image_url": ["url": "x"]], "and there"], "type": "AIMessageChunk"]],
        ]
        let entries = try LangChainCodec().extract(messages)
        #expect(entries.first?.role == .agent)
        #expect(entries.first?.content == "Here\nand there")
    }
}
