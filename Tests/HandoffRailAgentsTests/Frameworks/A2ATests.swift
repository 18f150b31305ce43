import Foundation
import HandoffRailAgents
import HandoffRailModels
import Testing

/// A2A v1 messages (spec §6.3 sample) through the codec, and the input-required HITL mapping.
@Suite("A2A codec and input-required tasks")
struct A2ATests {
    @Test("the three messages decode: roles, text, source tags")
    func decode() throws {
        let entries = try A2ACodec().extract(try AgentSamples.a2a())
        #expect(entries.map(\.role) == [.user, .agent, .user])
        #expect(entries.map(\.content) == [
            "Book me a flight", "I need more details. Where would you like to fly from and to?", "From San Francisco to New York",
        ])
        #expect(entries[2].sourceTag?.raw["taskId"] == "task-uuid")
        #expect(entries.allSatisfy { $0.sourceTag?.format == .a2a })
    }

    @Test("same format: resume re-emits the messages byte-equal after normalisation")
    func sameFormat() throws {
        let native = try AgentSamples.a2a()
        let entries = try CodecRoundTripTests.overTheWire(try A2ACodec().extract(native))
        let resumed = try A2ACodec().resume(entries, options: ResumeOptions())
        #expect(resumed.normalized == native.normalized)
    }

    @Test("non-text parts become text lines; a part with nothing known is an error")
    func parts() throws {
        let message: JSONValue = [
            "role": "ROLE_AGENT", "messageId": "m",
            "parts": [
                ["text": "Itinerary:"], ["data": ["flight": "UA 1"]],
                ["url": "https://example.com/t.pdf", "filename": "t.pdf", "mediaType": "application/pdf"],
                ["raw": "aGk=", "filename": "a.txt"],
                ["kind": "file", "file": ["name": "b.png", "mimeType": "image/png", "uri": "https://example.com/b.png"]],
            ],
        ]
        let entry = try #require(try A2ACodec().extract([message]).first)
        #expect(entry.content == "Itinerary:\n[data] {\"flight\":\"UA 1\"}\n[file] t.pdf (application/pdf) https://example.com/t.pdf\n[file] a.txt [inline bytes]\n[file] b.png (image/png) https://example.com/b.png")
        let error = #expect(throws: ConversationCodecError.self) {
            try A2ACodec().extract([["role": "ROLE_USER", "parts": [["metadata": [:]]]]])
        }
        #expect(error?.location == "$[0].parts[0]")
        #expect(throws: ConversationCodecError.self) { try A2ACodec().extract([["role": "user", "parts": []]]) }
    }

    @Test("A2A → LangChain messages and LangChain sample → A2A messages")
    func crossFormat() throws {
        let toLangChain = try LangChainCodec().resume(try A2ACodec().extract(try AgentSamples.a2a()), options: ResumeOptions())
        #expect(toLangChain.arrayValue?.compactMap { $0["type"]?.stringValue } == ["human", "ai", "human"])
        #expect(toLangChain[2]?["data"]?["content"] == "From San Francisco to New York")

        let langChainTurns = try LangChainCodec().extract(try AgentSamples.langChain())
        let messages = try #require(try A2ACodec().resume(langChainTurns, options: ResumeOptions()).arrayValue)
        #expect(messages.count == langChainTurns.count)
        for (index, (message, turn)) in zip(messages, langChainTurns).enumerated() {
            #expect(message["messageId"] == .string("handoffrail-\(index)"))
            #expect(message["parts"] == [["text": .string(turn.content)]])
            #expect(message["role"] == .string(turn.role == .agent ? "ROLE_AGENT" : "ROLE_USER"))
        }
        #expect(messages.first?["role"] == "ROLE_USER")  // the sample's system message: A2A has no system role
    }

    @Test("input-required task → required checkpoint; follow-up → respond request")
    func inputRequired() throws {
        let exchange = try AgentSamples.a2aExchange()
        let checkpoint = try A2AInputRequired.checkpoint(fromTask: try #require(exchange["response"]?["task"]))
        #expect(checkpoint.required)
        #expect(checkpoint.reason == "I need more details. Where would you like to fly from and to?")
        #expect(checkpoint.question == checkpoint.reason)
        let answer = try A2AInputRequired.respondRequest(fromFollowUp: try #require(exchange["followUp"]?["message"]), respondedBy: "alice")
        #expect(answer == RespondRequest(response: "From San Francisco to New York", respondedBy: "alice"))

        let working: JSONValue = ["id": "t", "status": ["state": "TASK_STATE_WORKING"]]
        let error = #expect(throws: ConversationCodecError.self) { try A2AInputRequired.checkpoint(fromTask: working) }
        #expect(error?.location == "$.status.state")
        #expect(throws: ConversationCodecError.self) {
            try A2AInputRequired.respondRequest(fromFollowUp: try #require(exchange["request"]?["message"]).with(role: "ROLE_AGENT"), respondedBy: "a")
        }
    }

    @Test("awaiting_human packet → input-required task; other packets → nil")
    func packetToTask() throws {
        var packet = MixedConversationTests.packet([])
        #expect(A2AInputRequired.task(for: packet) == nil)
        packet.status = .awaitingHuman
        packet.hitl = HitlCheckpoint(reason: "Refund above limit", question: "Approve the 900 EUR refund?")
        let task = try #require(A2AInputRequired.task(for: packet))
        #expect(task.normalized == ([
            "id": .string(packet.id.uuidString.lowercased()),
            "status": ["state": "TASK_STATE_INPUT_REQUIRED", "message": ["role": "ROLE_AGENT", "parts": [["text": "Approve the 900 EUR refund?"]]]],
        ] as JSONValue).normalized)
        packet.hitl?.question = nil
        #expect(A2AInputRequired.task(for: packet)?["status"]?["message"]?["parts"]?[0]?["text"] == "Refund above limit")
        // The task round-trips into the same checkpoint text.
        #expect(try A2AInputRequired.checkpoint(fromTask: try #require(A2AInputRequired.task(for: packet))).reason == "Refund above limit")
    }
}

extension JSONValue {
    /// The object with its `role` member replaced.
    fileprivate func with(role: String) -> JSONValue {
        var members = objectValue ?? [:]
        members["role"] = .string(role)
        return .object(members)
    }
}
