import HandoffRailAgents
import HandoffRailModels
import Testing

@Suite("OpenAI Agents sample: remove_all_tools and nest_handoff_history as the SDK computed them")
struct SampleReproductionTests {
    @Test("remove_all_tools gives the SDK's result (reasoning, calls and outputs gone from every list)")
    func removeAllTools() throws {
        let input = try OpenAIHistorySamples.data("handoff_input_data")
        let expected = try OpenAIHistorySamples.data("after_remove_all_tools")
        let result = try HandoffInputFilter.removeAllTools.apply(input)
        #expect(result == expected)
        #expect(result.jsonValue.normalized == expected.jsonValue.normalized)
        #expect(result.preHandoffItems.map(\.kind) == [.messageOutput])
        #expect(result.inputItems == nil)
    }

    @Test("nest_handoff_history gives the SDK's summary text byte for byte and its lists")
    func nestHandoffHistory() throws {
        let input = try OpenAIHistorySamples.data("handoff_input_data")
        let expected = try OpenAIHistorySamples.data("after_nest_handoff_history")
        let result = try HandoffInputFilter.nestHandoffHistory().apply(input)
        let text = try #require(OpenAIHistorySamples.content(result.inputHistoryItems.first))
        let expectedText = try #require(OpenAIHistorySamples.content(expected.inputHistoryItems.first))
        #expect(text == expectedText)
        #expect(Array(text.utf8) == Array(expectedText.utf8))
        #expect(result == expected)
        #expect(result.jsonValue.normalized == expected.jsonValue.normalized)
        #expect(result.inputItems == [])
        #expect(result.newItems == input.newItems)
    }

    @Test("the summary keeps the SDK's line formats: role: text for plain messages, json.dumps for the rest")
    func lineFormats() throws {
        let result = NestedHandoffHistory().apply(to: try OpenAIHistorySamples.data("handoff_input_data"))
        let text = try #require(OpenAIHistorySamples.content(result.inputHistoryItems.first))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 10)
        #expect(lines[0] == ConversationHistoryWrappers.preamble)
        #expect(lines[1] == "<CONVERSATION HISTORY>")
        #expect(lines[2] == "1. user: I was charged twice for order A-17.")
        #expect(lines[3].hasPrefix(#"2. {"id": "rs_1", "summary": [{"text": "User reports duplicate charge""#))
        #expect(lines[9] == "</CONVERSATION HISTORY>")
        #expect(result.inputHistoryItems.first?["role"] == "assistant")
    }

    @Test("nesting the nested result again reads the summary back and writes the same text")
    func renesting() throws {
        let once = NestedHandoffHistory().apply(to: try OpenAIHistorySamples.data("handoff_input_data"))
        var again = once
        again.newItems = []
        let twice = NestedHandoffHistory().apply(to: again)
        #expect(twice.inputHistoryItems == once.inputHistoryItems)
    }
}
