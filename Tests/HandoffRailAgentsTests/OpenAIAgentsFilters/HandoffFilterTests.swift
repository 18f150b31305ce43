import HandoffRailAgents
import HandoffRailModels
import Testing

@Suite("Handoff input filters: remove_all_tools, keep-last-N, redaction, composition")
struct HandoffFilterTests {
    static func data(_ key: String = "handoff_input_data") throws -> OpenAIHandoffInputData { try OpenAIHistorySamples.data(key) }

    static func corpus(_ text: String) throws -> OpenAIHandoffInputData { try OpenAIHandoffInputData(parsing: text) }

    @Test("run items get the SDK class their type implies")
    func kinds() throws {
        let data = try Self.corpus(OpenAIHistoryCorpus.toolsAndParts)
        #expect(data.preHandoffItems.map(\.kind) == [
            .input, .reasoning, .toolCall, .toolCallOutput, .toolCall, .toolCallOutput, .toolCallOutput, .toolCall, .toolCall, .toolCall, .messageOutput,
        ])
        let approvals = try Self.corpus(OpenAIHistoryCorpus.approvalsAndCompaction)
        #expect(approvals.preHandoffItems.map(\.kind) == [.compaction, .mcpApprovalRequest, .mcpApprovalResponse, .toolSearchCall, .toolSearchOutput])
        #expect(approvals.newItems.map(\.kind) == [.toolApproval, .input, .messageOutput])
        #expect(approvals.newItems[0].json["type"] == "tool_approval_item")
    }

    @Test("remove_all_tools: tool types leave input_history; tool classes leave every run-item list; messages and compaction stay")
    func removeAllTools() throws {
        let result = ToolItemRemoval.apply(to: try Self.corpus(OpenAIHistoryCorpus.toolsAndParts))
        #expect(result.inputHistoryItems.map { $0["role"]?.stringValue } == ["system", "user"])
        #expect(result.preHandoffItems.map(\.kind) == [.input, .messageOutput])
        #expect(result.newItems.map(\.kind) == [.messageOutput])
        #expect(result.otherMembers.map(\.key) == ["run_context"])
        let approvals = ToolItemRemoval.apply(to: try Self.corpus(OpenAIHistoryCorpus.approvalsAndCompaction))
        #expect(approvals.inputHistoryItems.count == 1)
        #expect(approvals.preHandoffItems.map(\.kind) == [.compaction])
        #expect(approvals.newItems.map(\.kind) == [.input, .messageOutput])
        let inputItems = ToolItemRemoval.apply(to: try Self.corpus(OpenAIHistoryCorpus.inputItemsSet))
        #expect(inputItems.inputItems?.map(\.kind) == [.messageOutput])
        #expect(inputItems.newItems.isEmpty)
        let text = ToolItemRemoval.apply(to: try Self.corpus(OpenAIHistoryCorpus.stringHistory))
        #expect(text.inputHistory == .text("Refund order A-17 please"))
    }

    @Test("keep-last counts input_history then pre_handoff_items, one per item; new_items are never counted or cut")
    func keepLast() throws {
        let data = try Self.corpus(OpenAIHistoryCorpus.toolsAndParts)
        #expect(data.inputHistoryItems.count + data.preHandoffItems.count == 17)
        #expect(KeepLastItems(count: 17, dropOrphanedToolOutputs: false).apply(to: data) == data)
        let all = KeepLastItems(count: 17).apply(to: data)
        #expect(all.preHandoffItems.count == 10)  // only the shell_call_output, whose call is nowhere, goes
        #expect(!all.preHandoffItems.contains { $0.item["type"] == "shell_call_output" })
        let none = KeepLastItems(count: 0).apply(to: data)
        #expect(none.inputHistoryItems.isEmpty && none.preHandoffItems.isEmpty && none.newItems == data.newItems)
        let seven = KeepLastItems(count: 7, dropOrphanedToolOutputs: false).apply(to: data)
        #expect(seven.inputHistoryItems.isEmpty)
        #expect(seven.preHandoffItems == Array(data.preHandoffItems.suffix(7)))
        let twelve = KeepLastItems(count: 12, dropOrphanedToolOutputs: false).apply(to: data)
        #expect(twelve.inputHistoryItems == Array(data.inputHistoryItems.suffix(1)))
        #expect(twelve.preHandoffItems == data.preHandoffItems)
        #expect(HandoffInputFilter.keepLast(-3).name == "keep_last_-3")
        #expect(KeepLastItems(count: -3).count == 0)
    }

    @Test("keep-last drops a tool output whose call was cut, unless told not to")
    func orphans() throws {
        let data = try Self.corpus(OpenAIHistoryCorpus.toolsAndParts)
        // The last 8 items start at the computer_call_output, whose computer_call (cc_1) is cut;
        // the shell_call_output (sh_1) has no call anywhere.
        let kept = KeepLastItems(count: 8).apply(to: data)
        #expect(kept.preHandoffItems.map { $0.item["type"]?.stringValue } == [
            "custom_tool_call", "custom_tool_call_output", "mcp_call", "program", "function_call", "message",
        ])
        let raw = KeepLastItems(count: 8, dropOrphanedToolOutputs: false).apply(to: data)
        #expect(raw.preHandoffItems.count == 8)
        let text = try Self.corpus(OpenAIHistoryCorpus.stringHistory)
        #expect(KeepLastItems(count: 3).apply(to: text).inputHistory == .items([]))
        #expect(KeepLastItems(count: 4).apply(to: text).inputHistory == text.inputHistory)
    }

    @Test("redaction: message text, text parts, refusals and tool outputs; images, files, arguments and reasoning untouched")
    func redaction() throws {
        let redaction = try PatternRedaction(patterns: OpenAIHistoryCorpus.redactionPatterns, replacement: "[X]")
        let result = redaction.apply(to: try Self.corpus(OpenAIHistoryCorpus.sensitive))
        let history = result.inputHistoryItems
        #expect(history[0]["content"] == "My card is [X] and mail [X]")
        #expect(history[1]["content"] == [
            ["type": "input_text", "text": "SECRET code: [X]"], ["type": "input_image", "image_url": "https://example.com/secret.png"],
            "bare string part", ["type": "input_file", "file_id": "secret-file"],
        ])
        let pre = result.preHandoffItems.map(\.item)
        #expect(pre[0]["arguments"] == #"{"card": "4111-1111-1111-1111"}"#)
        #expect(pre[1]["output"] == "card [X] belongs to [X]")
        #expect(pre[3]["output"]?[0]?["text"] == "[X] file for [X]")
        #expect(pre[4]["output"]?[0]?["stdout"] == "[X] token")
        #expect(pre[4]["output"]?[0]?["stderr"] == "[X] err")
        #expect(pre[5]["output"]?["image_url"] == "secret")
        #expect(pre[6]["arguments"] == #"{"q": "secret"}"#)
        #expect(pre[6]["output"] == "[X] row")
        #expect(pre[7]["summary"]?[0]?["text"] == "the secret stays in reasoning")
        #expect(pre[8]["content"]?[0]?["text"] == "Secret? No: [X].")
        #expect(pre[8]["content"]?[1]?["refusal"] == "not the [X]")
        #expect(result.newItems[0].item["content"] == "forwarding [X]")
        let all = try PatternRedaction(patterns: OpenAIHistoryCorpus.redactionPatterns, replacement: "[X]", scope: .all)
            .apply(to: try Self.corpus(OpenAIHistoryCorpus.sensitive)).preHandoffItems.map(\.item)
        #expect(all[0]["arguments"] == #"{"card": "[X]"}"#)
        #expect(all[6]["arguments"] == #"{"q": "[X]"}"#)
        #expect(all[7]["summary"]?[0]?["text"] == "the [X] stays in reasoning")
        #expect(all[5]["output"]?["image_url"] == "secret")
        let argumentsOnly = try PatternRedaction(patterns: ["secret"], scope: .toolArguments).apply(to: try Self.corpus(OpenAIHistoryCorpus.sensitive))
        #expect(argumentsOnly.inputHistoryItems[1]["content"]?[0]?["text"] == "SECRET code: secret")
        let caseless = try PatternRedaction(patterns: ["secret"], caseInsensitive: true)
        #expect(caseless.redact("Secret SECRET secret") == "[REDACTED] [REDACTED] [REDACTED]")
        #expect(try PatternRedaction(patterns: ["x"], replacement: "$0\\1").redact("axb") == "a$0\\1b")
    }

    @Test("zero-length matches insert nothing; non-empty matches next to them are still replaced")
    func zeroLengthMatches() throws {
        #expect(try PatternRedaction(patterns: [#"\b"#]).redact("card 4242") == "card 4242")
        #expect(try PatternRedaction(patterns: [#"(?=\d)"#]).redact("card 4242") == "card 4242")
        #expect(try PatternRedaction(patterns: [#"(?<= )\d*"#], replacement: "#").redact("a 12 b c") == "a # b c")
        #expect(try PatternRedaction(patterns: [#"\b\d{4}\b|\b"#], replacement: "[N]").redact("pin 1234 ok") == "pin [N] ok")
    }

    @Test("bad patterns are refused by position without echoing them")
    func badPatterns() {
        let invalid = #expect(throws: PatternRedactionError.self) { try PatternRedaction(patterns: ["ok", "(unclosed"]) }
        #expect(invalid?.index == 1)
        #expect(invalid?.reason == "not a valid regular expression")
        let empty = #expect(throws: PatternRedactionError.self) { try PatternRedaction(patterns: ["a*"]) }
        #expect(empty?.index == 0)
        #expect(empty?.description == "redaction pattern #0: matches the empty string")
    }

    @Test("filters compose left to right and carry their names")
    func composition() throws {
        let data = try Self.data()
        let filter = HandoffInputFilter.removeAllTools.then(.nestHandoffHistory())
        #expect(filter.name == "remove_all_tools then nest_handoff_history")
        let composed = try filter.apply(data)
        #expect(composed == NestedHandoffHistory().apply(to: ToolItemRemoval.apply(to: data)))
        #expect(try HandoffInputFilter.identity.then(.removeAllTools).apply(data) == ToolItemRemoval.apply(to: data))
        let reversed = try HandoffInputFilter.nestHandoffHistory().then(.removeAllTools).apply(data)
        #expect(reversed != composed)
        #expect(reversed.newItems.isEmpty && composed.newItems.isEmpty)
        struct Refused: Error {}
        let failing = HandoffInputFilter(name: "refuse") { _ in throw Refused() }
        #expect(throws: Refused.self) { try HandoffInputFilter.removeAllTools.then(failing).apply(data) }
    }

    @Test("HandoffInputData shape errors say where")
    func shapeErrors() {
        #expect(throws: OpenAIHistoryError.self) { try OpenAIHandoffInputData(parsing: "[]") }
        #expect(throws: OpenAIHistoryError.self) { try OpenAIHandoffInputData(parsing: #"{"input_history": 3}"#) }
        #expect(throws: OpenAIHistoryError.self) { try OpenAIHandoffInputData(parsing: #"{"new_items": ["x"]}"#) }
        #expect(throws: OpenAIHistoryError.self) { try OpenAIHandoffInputData(parsing: "{") }
    }
}
