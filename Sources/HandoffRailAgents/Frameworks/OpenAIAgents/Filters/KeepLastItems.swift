/// Keeps the most recent history: the last `count` items of `input_history` followed by
/// `pre_handoff_items`.
///
/// What counts: every item of those two lists, whatever its type (message, tool call, tool
/// output, reasoning…), one each; a string `input_history` counts as one item. `new_items`
/// (the handoff turn itself, which the SDK needs) and `input_items` are neither counted nor
/// trimmed. Items go from the front: `input_history` first.
/// With `dropOrphanedToolOutputs` (the default), a kept tool output (`*_call_output`,
/// `tool_search_output`) whose `call_id` no kept item calls is dropped as well — the current
/// turn counted as the SDK feeds it to the next agent: `input_items` when set (the SDK then
/// uses it instead of `new_items`, `run_internal/turn_resolution.py`), else `new_items` —
/// because the Responses API rejects an output without its call; so fewer than `count` items
/// can remain. The SDK has no such filter; this is HandoffRail's, mirrored in
/// tests/python/agents/check_openai_history.py.
///
/// ```swift
/// let recent = KeepLastItems(count: 6).apply(to: data)
/// ```
public struct KeepLastItems: Sendable, Hashable {
    /// How many items of `input_history` + `pre_handoff_items` to keep (the last ones).
    public var count: Int
    /// Whether tool outputs left without their call are dropped too.
    public var dropOrphanedToolOutputs: Bool

    /// A filter keeping the last `count` items (negative counts as 0).
    ///
    /// ```swift
    /// let filter = KeepLastItems(count: 4, dropOrphanedToolOutputs: false)
    /// ```
    public init(count: Int, dropOrphanedToolOutputs: Bool = true) {
        self.count = max(0, count)
        self.dropOrphanedToolOutputs = dropOrphanedToolOutputs
    }

    /// The data with only the last ``count`` history items (see ``KeepLastItems``).
    ///
    /// ```swift
    /// let trimmed = KeepLastItems(count: 2).apply(to: data)
    /// ```
    public func apply(to data: OpenAIHandoffInputData) -> OpenAIHandoffInputData {
        let historyCount: Int
        switch data.inputHistory {
        case .text: historyCount = 1
        case .items(let items): historyCount = items.count
        }
        let total = historyCount + data.preHandoffItems.count
        let dropped = max(0, total - count)
        var result = data
        let droppedFromHistory = min(dropped, historyCount)
        switch data.inputHistory {
        case .text: if droppedFromHistory == 1 { result.inputHistory = .items([]) }
        case .items(let items): result.inputHistory = .items(Array(items.dropFirst(droppedFromHistory)))
        }
        result.preHandoffItems = Array(data.preHandoffItems.dropFirst(dropped - droppedFromHistory))
        guard dropOrphanedToolOutputs else { return result }

        var calledIDs = Set<String>()
        for item in result.inputHistoryItems + (result.preHandoffItems + (result.inputItems ?? result.newItems)).map(\.item) where !Self.isToolOutput(item) {
            if let callID = item["call_id"]?.stringValue { calledIDs.insert(callID) }
        }
        let keep = { (item: OrderedJSON) -> Bool in
            guard Self.isToolOutput(item), let callID = item["call_id"]?.stringValue else { return true }
            return calledIDs.contains(callID)
        }
        if case .items(let items) = result.inputHistory { result.inputHistory = .items(items.filter(keep)) }
        result.preHandoffItems = result.preHandoffItems.filter { keep($0.item) }
        return result
    }

    static func isToolOutput(_ item: OrderedJSON) -> Bool {
        guard let type = item["type"]?.stringValue else { return false }
        return OpenAIRunItem.toolCallOutputTypes.contains(type) || type == "tool_search_output"
    }
}
