import Foundation
import HandoffRailAgents
import Testing

/// The ordered parser on large and repetitive objects.
@Suite("OrderedJSON: parsing large objects")
struct OrderedJSONParserTests {
    @Test("an object of 20 000 members keeps every member in order; a repeated key keeps its first place and last value")
    func largeObject() throws {
        let count = 20_000
        var text = "{" + (0..<count).map { #""k\#($0)": \#($0)"# }.joined(separator: ", ")
        text += #", "k5": "last"}"#
        let value = try OrderedJSON(parsing: text)
        let members = try #require(value.members)
        #expect(members.count == count)
        #expect(members.first?.key == "k0")
        #expect(members.last?.key == "k\(count - 1)")
        #expect(members[5].key == "k5")
        #expect(members[5].value == .string("last"))
        #expect(members[6].value == .number("6"))
    }
}

/// KeepLastItems counts the current turn as the SDK feeds it on: `input_items` when set.
@Suite("KeepLastItems: input_items")
struct KeepLastItemsInputItemsTests {
    static let text = #"""
    {"input_history": [{"role": "user", "content": "hi"}],
     "pre_handoff_items": [{"type": "function_call_output", "call_id": "c1", "output": "42"}],
     "new_items": [{"type": "function_call", "call_id": "c1", "name": "lookup", "arguments": "{}"}],
     "input_items": INPUT}
    """#

    @Test("an output whose call is only in new_items is kept without input_items, dropped when input_items leaves the call out")
    func orphansFollowInputItems() throws {
        let withoutInputItems = try OpenAIHandoffInputData(parsing: Self.text.replacingOccurrences(of: "INPUT", with: "null"))
        #expect(KeepLastItems(count: 5).apply(to: withoutInputItems).preHandoffItems.count == 1)
        let filtered = try OpenAIHandoffInputData(parsing: Self.text.replacingOccurrences(of: "INPUT", with: "[]"))
        #expect(KeepLastItems(count: 5).apply(to: filtered).preHandoffItems.isEmpty)
        #expect(KeepLastItems(count: 5, dropOrphanedToolOutputs: false).apply(to: filtered).preHandoffItems.count == 1)
    }
}
