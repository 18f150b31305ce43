import HandoffRailAgents
import HandoffRailModels
import Testing

@Suite("CrewAI codec and task-completion signals")
struct CrewAITests {
    @Test("TaskOutput and CrewOutput restore exactly from their turns", arguments: ["task_output", "crew_output"])
    func restore(sample: String) throws {
        let codec = CrewAICodec()
        let original = try AgentSamples.crewAI(sample)
        let entries = try CodecRoundTripTests.overTheWire(try codec.extract(original))
        let restored = try #require(codec.restoreOutput(entries))
        #expect(restored == original)
        #expect(restored.normalized == original.normalized)
    }

    @Test("one agent turn per task, authored by the task's agent")
    func turns() throws {
        let entries = try CrewAICodec().extract(try AgentSamples.crewAI("crew_output"))
        #expect(entries.map(\.role) == [.agent, .agent])
        #expect(entries.map(\.content) == ["Customer wants Pro plan.", #"{"invoice_id": "INV-9", "amount": 29.0}"#])
        #expect(entries.map { $0.metadata?[TurnMetadata.author] } == ["Sales Rep", "Billing Specialist"])
    }

    @Test("kickoff inputs are strings: custom context, summary, transcript, last output")
    func kickoffInputs() throws {
        let turns = try LangChainCodec().extract(try AgentSamples.langChain())
        let options = ResumeOptions(summary: "Upgrade to Pro", custom: ["customer_id": "c-42", "seats": 3, "summary": "ignored"])
        let inputs = try #require(try CrewAICodec().resume(turns, options: options).objectValue)
        #expect(inputs.values.allSatisfy { $0.stringValue != nil })
        #expect(inputs["customer_id"] == "c-42")
        #expect(inputs["seats"] == "3")
        #expect(inputs["summary"] == "Upgrade to Pro")
        #expect(inputs["last_output"] == "Escalation approved")
        let lines = try #require(inputs["conversation"]?.stringValue).split(separator: "\n")
        #expect(lines.first == "system: You are SalesBot.")
        #expect(lines[1] == "user: I want to upgrade to the Pro plan.")
        #expect(lines[3] == #"assistant: [tool result] lookup_account: {"plan": "free", "seats": 3}"#)
        #expect(CrewAICodec().restoreOutput(turns) == nil)
    }

    @Test("a routed task completion is an intent; unrouted ones are not")
    func decoder() throws {
        let crew = try AgentSamples.crewAI("crew_output")
        let intents = try CrewAITaskCompletionDecoder(routes: ["billing_task": "fulfilment_agent"]).decode(crew)
        #expect(intents.count == 1)
        let intent = try #require(intents.first)
        #expect(intent.signal == .taskCompletion)
        #expect(intent.targetAgent == "fulfilment_agent")
        #expect(intent.reason == "billing_task completed by Billing Specialist")
        #expect(intent.attributes["json_dict"] == ["invoice_id": "INV-9", "amount": 29.0])
        #expect(intent.sourceItems == [crew["tasks_output"]![1]!])
        let all = try CrewAITaskCompletionDecoder(defaultTarget: "qa_agent").decode(crew)
        #expect(all.map(\.targetAgent) == ["qa_agent", "qa_agent"])
        #expect(try CrewAITaskCompletionDecoder().decode(try AgentSamples.crewAI("task_output")).isEmpty)
        #expect(throws: ConversationCodecError.self) { try CrewAITaskCompletionDecoder().decode(["tasks_output": "x"]) }
    }
}
