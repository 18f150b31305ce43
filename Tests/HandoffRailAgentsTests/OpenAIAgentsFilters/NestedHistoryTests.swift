import HandoffRailAgents
import HandoffRailModels
import Testing

@Suite("Nested handoff history: the SDK's summary message, wrappers, forwarding and re-reading")
struct NestedHistoryTests {
    static func corpus(_ text: String) throws -> OpenAIHandoffInputData { try OpenAIHandoffInputData(parsing: text) }

    static func summaries(_ data: OpenAIHandoffInputData) -> [String] {
        data.inputHistoryItems.compactMap { item in
            guard item["role"] == "assistant", let text = item["content"]?.stringValue, text.hasPrefix(ConversationHistoryWrappers.preamble) else { return nil }
            return text
        }
    }

    @Test("no turns: the SDK's placeholder line between the markers")
    func empty() {
        let nested = NestedHandoffHistory().apply(to: OpenAIHandoffInputData(inputHistory: .items([])))
        #expect(nested.inputHistoryItems == [[
            "role": "assistant",
            "content": .string(ConversationHistoryWrappers.preamble + "\n<CONVERSATION HISTORY>\n(no previous turns recorded)\n</CONVERSATION HISTORY>"),
        ]])
        #expect(nested.inputItems == [])
    }

    @Test("line formats: role: text, role (name): text, empty content, JSON for multi-line or structured content")
    func lineFormats() {
        #expect(HistorySummaryWriter.line(for: ["role": "user", "content": "hi"]) == "user: hi")
        #expect(HistorySummaryWriter.line(for: ["role": "user", "name": "ann", "content": "hi"]) == "user (ann): hi")
        #expect(HistorySummaryWriter.line(for: ["role": "user", "name": "", "content": "hi"]) == "user: hi")
        #expect(HistorySummaryWriter.line(for: ["role": "assistant", "content": nil]) == "assistant: ")
        #expect(HistorySummaryWriter.line(for: ["role": "user", "content": "a\nb"]) == #"{"role": "user", "content": "a\nb"}"#)
        #expect(HistorySummaryWriter.line(for: ["content": "x", "role": "user", "provider_data": ["k": 1]]) == "user: x")
        #expect(HistorySummaryWriter.line(for: ["type": "function_call", "provider_data": ["k": 1], "created_by": "s", "name": "f"])
            == #"{"type": "function_call", "name": "f"}"#)
        #expect(HistorySummaryWriter.line(for: ["role": 3, "content": "x"]) == #"{"role": 3, "content": "x"}"#)
    }

    @Test("custom wrappers replace the markers; nil keeps a default, like set_conversation_history_wrappers")
    func wrappers() throws {
        let data = try OpenAIHistorySamples.data("handoff_input_data")
        let custom = ConversationHistoryWrappers(start: "<<PRIOR>>")
        #expect(custom.end == ConversationHistoryWrappers.defaultEnd)
        let text = try #require(Self.summaries(NestedHandoffHistory(wrappers: custom).apply(to: data)).first)
        let defaultText = try #require(Self.summaries(NestedHandoffHistory().apply(to: data)).first)
        #expect(text == defaultText.replacingOccurrences(of: "<CONVERSATION HISTORY>", with: "<<PRIOR>>"))
    }

    @Test("pre-handoff user messages and new assistant messages are forwarded verbatim between summaries")
    func forwarding() throws {
        let nested = NestedHandoffHistory().apply(to: try Self.corpus(OpenAIHistoryCorpus.toolsAndParts))
        let history = nested.inputHistoryItems
        #expect(Self.summaries(nested).count == 4)
        #expect(history[1] == ["role": "user", "content": "And the second charge?"])
        // reasoning with status null: summarised, status removed like run_item_to_input_item does
        #expect(Self.summaries(nested)[1].contains(#"1. {"id": "rs_2", "type": "reasoning", "summary": [{"type": "summary_text", "text": "Think"}]}"#))
        // verbatim hosted items lose output-only keys (created_by, a shell output's status)
        #expect(history.contains(["type": "custom_tool_call", "call_id": "ct_1", "name": "grep", "input": "charge"]))
        #expect(history.contains { $0["type"] == "shell_call_output" && $0["status"] == nil && $0["output"]?[0]?["created_by"] == nil })
        // program-owned items stay in the summary
        #expect(Self.summaries(nested)[2].contains(#""caller": {"type": "program", "id": "p_1"}"#))
        #expect(nested.preHandoffItems.isEmpty && nested.newItems.count == 3 && nested.inputItems == [])
        #expect(nested.otherMembers.map(\.key) == ["run_context"])
    }

    @Test("tool approvals are skipped; compaction items are forwarded as they are")
    func approvals() throws {
        let nested = NestedHandoffHistory().apply(to: try Self.corpus(OpenAIHistoryCorpus.approvalsAndCompaction))
        let text = nested.inputHistoryItems.map(\.compactJSONText).joined()
        #expect(!text.contains("ap_1"))
        #expect(nested.inputHistoryItems.contains { $0["type"] == "compaction" && $0["created_by"] == "server" })
    }

    @Test("a string input_history is one user message")
    func stringHistory() throws {
        let nested = NestedHandoffHistory().apply(to: try Self.corpus(OpenAIHistoryCorpus.stringHistory))
        #expect(Self.summaries(nested).first?.contains("\n1. user: Refund order A-17 please\n2. ") == true)
    }

    @Test("a second handoff flattens the first summary (only with the markers it was written with)")
    func renesting() throws {
        for markers in [ConversationHistoryWrappers.default, OpenAIHistoryCorpus.customWrappers] {
            let second = try OpenAIHandoffInputData(parsing: try OpenAIHistoryCorpus.renest(markers: markers))
            let text = try #require(Self.summaries(NestedHandoffHistory(wrappers: markers).apply(to: second)).first)
            #expect(text.components(separatedBy: "\n").count == 2 + 7 + 3 + 1, "\(markers)")
            #expect(text.contains("8. user: Any news on the refund?"))
        }
        let mismatch = try OpenAIHandoffInputData(parsing: try OpenAIHistoryCorpus.renest(markers: OpenAIHistoryCorpus.customWrappers))
        let text = try #require(Self.summaries(NestedHandoffHistory().apply(to: mismatch)).first)
        #expect(text.contains(#"1. {"role": "assistant", "content": "For context"#))
    }

    @Test("legacy summaries: typed lines, continuation lines, bare roles are read back like the SDK does")
    func legacy() throws {
        let reader = HistorySummaryReaderProbe.items(try Self.corpus(OpenAIHistoryCorpus.legacySummary))
        #expect(reader.first == "1. user: hello")
        #expect(reader.contains(#"2. {"role": "assistant", "name": "helper", "content": "multi\n   line answer"}"#))
        #expect(reader.contains(#"3. {"call_id": "l1", "name": "f", "arguments": "{}", "type": "function_call"}"#))
        #expect(reader.contains("4. user: "))
        #expect(reader.contains("7. tool: not json"))
        #expect(reader.last == "8. user: next question")
    }

    @Test("a history mapper gets the whole transcript and its result becomes input_history")
    func mapper() throws {
        let data = try OpenAIHistorySamples.data("handoff_input_data")
        let nested = NestedHandoffHistory { transcript in [["role": "user", "content": .string("\(transcript.count) items")]] }.apply(to: data)
        #expect(nested.inputHistoryItems == [["role": "user", "content": "7 items"]])
        #expect(nested.inputItems == [] && nested.preHandoffItems.isEmpty)
    }

    @Test("packet conversation: nested messages from OpenAI turns and from other frameworks' turns")
    func packet() throws {
        let sample = try OpenAIHistorySamples.data("handoff_input_data")
        let entries = try CodecRoundTripTests.overTheWire(try OpenAIAgentsCodec().extract(sample.jsonValue))
        let packet = MixedConversationTests.packet(entries)
        let messages = try NestedHandoffHistory().messages(for: packet)
        let direct = NestedHandoffHistory().apply(to: try OpenAIHandoffInputData(sample.jsonValue)).inputHistoryItems
        #expect(messages == direct)
        #expect(messages.count == 1)
        let redacted = try NestedHandoffHistory().messages(for: packet, filter: .redact(try PatternRedaction(patterns: ["A-17"])))
        let redactedText = try #require(redacted.first?["content"]?.stringValue)
        #expect(redactedText.contains("user: I was charged twice for order [REDACTED]."))
        #expect(redactedText.contains(#""arguments": "{\"order_id\":\"A-17\"}""#))  // arguments are not in the default scope
        let everywhere = try NestedHandoffHistory().messages(for: packet, filter: .redact(try PatternRedaction(patterns: ["A-17"], scope: .all)))
        #expect(everywhere.first?["content"]?.stringValue?.contains("A-17") == false)

        let langChain = try LangChainCodec().extract(try AgentSamples.langChain())
        let crossFormat = try NestedHandoffHistory().messages(for: langChain)
        let text = try #require(crossFormat.first?["content"]?.stringValue)
        #expect(crossFormat.count == 1)  // history is always summarised, never forwarded
        #expect(text.components(separatedBy: "\n").count == langChain.count + 3)
        #expect(text.contains("\n1. system: You are SalesBot.\n"))
    }
}

/// The summary lines after re-nesting an input, for readable expectations.
enum HistorySummaryReaderProbe {
    static func items(_ data: OpenAIHandoffInputData) -> [String] {
        let nested = NestedHandoffHistory().apply(to: data)
        guard let text = nested.inputHistoryItems.first?["content"]?.stringValue else { return [] }
        let lines = text.components(separatedBy: "\n")
        return Array(lines.dropFirst(2).dropLast())
    }
}
