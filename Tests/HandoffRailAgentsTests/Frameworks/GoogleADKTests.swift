import Foundation
import HandoffRailAgents
import HandoffRailModels
import Testing

@Suite("Google ADK codec and transfer signals")
struct GoogleADKTests {
    @Test("events: author decides the role, parts become text, timestamps are kept")
    func extract() throws {
        let entries = try GoogleADKCodec().extract(try AgentSamples.googleADK())
        #expect(entries.map(\.role) == [.user, .agent, .agent, .agent])
        #expect(entries[1].content == #"[tool call] transfer_to_agent {"agent_name":"billing_agent"}"#)
        #expect(entries[2].content == "[tool result] transfer_to_agent: {\"result\":null}\n[transfer to agent] billing_agent")
        #expect(entries[3].metadata?[TurnMetadata.author] == "billing_agent")
        #expect(entries[0].timestamp == Date(timeIntervalSince1970: 1_763_775_999))
    }

    @Test("rebuilt events: agent turns authored by the packet's agent, system turns as user content")
    func rebuilt() throws {
        let entries = [
            ContextEntry(role: .system, content: "Be brief"),
            ContextEntry(role: .agent, content: "Done", timestamp: Date(timeIntervalSince1970: 1_763_776_000.5)),
        ]
        let events = try GoogleADKCodec().resume(entries, options: ResumeOptions(agentName: "triage"))
        #expect(events[0] == ["content": ["parts": [["text": "Be brief"]], "role": "user"], "author": "user"])
        #expect(events[1] == ["content": ["parts": [["text": "Done"]], "role": "model"], "author": "triage", "timestamp": 1_763_776_000.5])
        let anonymous = try GoogleADKCodec().resume([entries[1]], options: ResumeOptions())
        #expect(anonymous[0]?["author"] == .string(GoogleADKCodec.defaultAgentAuthor))
    }

    @Test("the call and the transferToAgent action are one intent")
    func decoder() throws {
        let events = try AgentSamples.googleADK()
        let intents = try GoogleADKTransferDecoder().decode(events)
        #expect(intents.count == 1)
        let intent = try #require(intents.first)
        #expect(intent.targetAgent == "billing_agent")
        #expect(intent.signal == .transferToolCall)
        #expect(intent.attributes["from_agent"] == "root_agent")
        #expect(intent.sourceItems == [events[1]!, events[2]!])
    }

    @Test("an action without a call is its own intent; other function calls are not transfers")
    func actionOnly() throws {
        let events: JSONValue = [
            ["author": "root_agent", "content": ["parts": [["functionCall": ["id": "x", "name": "lookup", "args": [:]]]], "role": "model"]],
            ["author": "root_agent", "actions": ["transferToAgent": "refunds"]],
        ]
        let intents = try GoogleADKTransferDecoder().decode(events)
        #expect(intents.map(\.targetAgent) == ["refunds"])
        #expect(intents.first?.signal == .transferAction)
        #expect(throws: ConversationCodecError.self) { try GoogleADKTransferDecoder().decode(["author": "x"]) }
    }
}
