import HandoffRailAgents
import HandoffRailModels
import Testing

@Suite("Vercel AI SDK codec")
struct VercelAITests {
    @Test("v4 CoreMessage: args and result")
    func v4() throws {
        let entries = try VercelAICodec(version: .v4).extract(try AgentSamples.vercelV4())
        #expect(entries.map(\.role) == [.system, .user, .agent, .agent, .agent])
        #expect(entries[2].content == "Let me look up your account.\n[tool call] lookup_account {\"customer_id\":\"c-42\"}")
        #expect(entries[3].content == #"[tool result] lookup_account: {"plan":"free","seats":3}"#)
        #expect(entries[3].metadata?[TurnMetadata.toolCallID] == "call_abc123")
    }

    @Test("v5+ ModelMessage: input and typed output")
    func v5() throws {
        let entries = try VercelAICodec(version: .v5).extract(try AgentSamples.vercelV5())
        #expect(entries[0].content == "Let me calculate that for you.\n[tool call] calculator {\"numbers\":[1,2],\"operation\":\"add\"}")
        #expect(entries[1].content == "[tool result] calculator: 3")
    }

    @Test("a v4 transcript resumed as v5 is rebuilt as text, not copied")
    func versionsDiffer() throws {
        let v4 = try AgentSamples.vercelV4()
        let entries = try VercelAICodec(version: .v4).extract(v4)
        let asV5 = try VercelAICodec(version: .v5).resume(entries, options: ResumeOptions())
        #expect(asV5 != v4)
        #expect(asV5[3] == ["role": "assistant", "content": #"[tool result] lookup_account: {"plan":"free","seats":3}"#])
        #expect(try VercelAICodec(version: .v4).resume(entries, options: ResumeOptions()) == v4)
    }

    @Test("content of the wrong kind is malformed")
    func malformed() {
        let error = #expect(throws: ConversationCodecError.self) {
            try VercelAICodec(version: .v5).extract([["role": "user", "content": 3]])
        }
        #expect(error?.location == "$[0].content")
    }

    @Test("UI messages convert to the model messages the SDK's own test expects")
    func uiMessagesSample() throws {
        let sample = try AgentSamples.json("vercel_ai_v5plus_ui_to_model.json")
        let converted = try VercelUIMessages.modelMessages(from: try #require(sample["uiMessages"]))
        #expect(converted == sample["modelMessages"])
    }

    @Test("UI messages: system text joined, user parts, steps split, errors as error-text, streaming input skipped")
    func uiMessages() throws {
        let ui: JSONValue = [
            ["id": "s", "role": "system", "parts": [["type": "text", "text": "Be "], ["type": "text", "text": "brief"]]],
            ["id": "u", "role": "user", "parts": [["type": "text", "text": "Weather?"], ["type": "data-weather", "data": [:]]]],
            ["id": "a", "role": "assistant", "parts": [
                ["type": "step-start"],
                ["type": "tool-weather", "state": "output-error", "toolCallId": "c1", "input": ["city": "Rome"], "errorText": "down"],
                ["type": "step-start"],
                ["type": "text", "text": "Sorry, the weather service is down."],
                ["type": "dynamic-tool", "toolName": "lookup", "state": "input-streaming", "toolCallId": "c2"],
            ]],
        ]
        let converted = try VercelUIMessages.modelMessages(from: ui)
        #expect(converted == [
            ["role": "system", "content": "Be brief"],
            ["role": "user", "content": [["type": "text", "text": "Weather?"]]],
            ["role": "assistant", "content": [["type": "tool-call", "toolCallId": "c1", "toolName": "weather", "input": ["city": "Rome"]]]],
            ["role": "tool", "content": [["type": "tool-result", "toolCallId": "c1", "toolName": "weather", "output": ["type": "error-text", "value": "down"]]]],
            ["role": "assistant", "content": [["type": "text", "text": "Sorry, the weather service is down."]]],
        ])
        let turns = try VercelAICodec(version: .v5).extract(converted)
        #expect(turns[3].content == "[tool result] weather: down")
        #expect(throws: ConversationCodecError.self) { try VercelUIMessages.modelMessages(from: [["role": "tool", "parts": []]]) }
    }
}
