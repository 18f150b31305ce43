import Foundation
import HandoffRailModels

/// The OpenAI Agents SDK's `HandoffInputData` as JSON: what a handoff input filter receives
/// and returns.
///
/// `input_history` is a string or a list of input items; `pre_handoff_items`, `new_items` and
/// `input_items` (`null` = not set, so the SDK uses `new_items`) are run items in their
/// input-item form. `run_context` and any other members ride along untouched. Parse from text
/// or bytes to keep member order (needed for the byte-exact nested history); a `JSONValue`
/// has none, so its members are taken in sorted order.
///
/// ```swift
/// let data = try OpenAIHandoffInputData(parsing: jsonText)
/// let filtered = try HandoffInputFilter.removeAllTools.then(.nestHandoffHistory()).apply(data)
/// print(filtered.jsonText)
/// ```
public struct OpenAIHandoffInputData: Sendable, Hashable {
    /// `input_history`: the text the run started with, or its input items.
    public enum InputHistory: Sendable, Hashable {
        /// The run was started with a plain string.
        case text(String)
        /// The run was started with input items.
        case items([OrderedJSON])
    }

    /// `input_history`: what `Runner.run()` was called with.
    public var inputHistory: InputHistory
    /// `pre_handoff_items`: items of the turns before the one that handed off.
    public var preHandoffItems: [OpenAIRunItem]
    /// `new_items`: the handing-off turn, including the handoff call and its output.
    public var newItems: [OpenAIRunItem]
    /// `nil` when the SDK should build the next input from `new_items`.
    public var inputItems: [OpenAIRunItem]?
    /// Other members (`run_context`, …), kept in order and never filtered.
    public var otherMembers: [OrderedJSON.Member]

    /// Handoff data from its parts.
    ///
    /// ```swift
    /// let data = OpenAIHandoffInputData(inputHistory: .text("Refund order A-17"), newItems: [handoffCall, handoffOutput])
    /// ```
    public init(
        inputHistory: InputHistory, preHandoffItems: [OpenAIRunItem] = [], newItems: [OpenAIRunItem] = [],
        inputItems: [OpenAIRunItem]? = nil, otherMembers: [OrderedJSON.Member] = []
    ) {
        self.inputHistory = inputHistory
        self.preHandoffItems = preHandoffItems
        self.newItems = newItems
        self.inputItems = inputItems
        self.otherMembers = otherMembers
    }

    static let listKeys: Set<String> = ["input_history", "pre_handoff_items", "new_items", "input_items"]

    /// Reads a `HandoffInputData` object; missing lists are empty, `input_items` may be `null`.
    ///
    /// ```swift
    /// let data = try OpenAIHandoffInputData(try OrderedJSON(parsing: text))
    /// ```
    public init(_ json: OrderedJSON) throws(OpenAIHistoryError) {
        guard let members = json.members else { throw OpenAIHistoryError("$", expected: "a HandoffInputData object") }
        switch json["input_history"] {
        case .string(let text)?: inputHistory = .text(text)
        case .array(let items)?: inputHistory = .items(items)
        case nil, .null?: inputHistory = .items([])
        default: throw OpenAIHistoryError("$.input_history", expected: "a string or an array of input items")
        }
        preHandoffItems = try Self.runItems(json["pre_handoff_items"], at: "$.pre_handoff_items") ?? []
        newItems = try Self.runItems(json["new_items"], at: "$.new_items") ?? []
        inputItems = try Self.runItems(json["input_items"], at: "$.input_items")
        otherMembers = members.filter { !Self.listKeys.contains($0.key) }
    }

    /// Parses JSON text, keeping member order.
    ///
    /// ```swift
    /// let data = try OpenAIHandoffInputData(parsing: #"{"input_history": "hi", "pre_handoff_items": [], "new_items": []}"#)
    /// ```
    public init(parsing text: String) throws(OpenAIHistoryError) {
        let json: OrderedJSON
        do { json = try OrderedJSON(parsing: text) } catch { throw OpenAIHistoryError("$", expected: "JSON text (\(error))") }
        try self.init(json)
    }

    /// Reads a `JSONValue` (members in sorted order).
    ///
    /// ```swift
    /// let data = try OpenAIHandoffInputData(packetArtifactValue)
    /// ```
    public init(_ value: JSONValue) throws(OpenAIHistoryError) {
        try self.init(OrderedJSON(value))
    }

    private static func runItems(_ value: OrderedJSON?, at location: String) throws(OpenAIHistoryError) -> [OpenAIRunItem]? {
        switch value {
        case nil, .null?: return nil
        case .array(let items)?:
            for (index, item) in items.enumerated() where !item.isObject {
                throw OpenAIHistoryError("\(location)[\(index)]", expected: "an item object")
            }
            return items.map(OpenAIRunItem.init)
        default: throw OpenAIHistoryError(location, expected: "an array of items")
        }
    }

    /// The object, lists first in the SDK's field order, then the other members.
    public var json: OrderedJSON {
        var members: [OrderedJSON.Member] = []
        switch inputHistory {
        case .text(let text): members.append(.init("input_history", .string(text)))
        case .items(let items): members.append(.init("input_history", .array(items)))
        }
        members.append(.init("pre_handoff_items", .array(preHandoffItems.map(\.json))))
        members.append(.init("new_items", .array(newItems.map(\.json))))
        members.append(.init("input_items", inputItems.map { .array($0.map(\.json)) } ?? .null))
        return .object(members + otherMembers)
    }

    /// `json` as a `JSONValue`.
    public var jsonValue: JSONValue { json.jsonValue }

    /// `json` as compact text in member order.
    public var jsonText: String { json.compactJSONText }

    /// `input_history` as a list (a string becomes one user message, as the SDK's
    /// `ItemHelpers.input_to_new_input_list` makes it).
    public var inputHistoryItems: [OrderedJSON] {
        switch inputHistory {
        case .text(let text): return [["content": .string(text), "role": "user"]]
        case .items(let items): return items
        }
    }
}

/// A `HandoffInputData` that does not have the expected shape: where, and what was expected.
public struct OpenAIHistoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A JSONPath-like location (`$.new_items[2]`).
    public let location: String
    /// What should have been there.
    public let expected: String

    init(_ location: String, expected: String) {
        self.location = location
        self.expected = expected
    }

    /// `<location>: expected <what>`; never echoes the data.
    public var description: String { "\(location): expected \(expected)" }
}
