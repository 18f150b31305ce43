/// The SDK's `nest_handoff_history` (agents/handoffs/history.py, openai-agents 0.24.0): the
/// previous transcript becomes one assistant summary message for the next agent.
///
/// The transcript is `input_history` (a string history is one user message; earlier summary
/// messages are read back into their items) followed by `pre_handoff_items` and `new_items`
/// (tool approvals skipped). Items go into the summary unless they are forwarded verbatim:
/// - from `pre_handoff_items`: anything that is not an assistant message, a `function_call`,
///   `function_call_output` or `reasoning` item, or part of a hosted program;
/// - from `new_items`: any message with a role, and other items except those same types.
/// A verbatim item closes the summary written so far, so the result alternates summaries and
/// verbatim items in transcript order (usually: one summary). The result has that list as
/// `input_history`, no `pre_handoff_items`, `input_items` = `[]`, and `new_items` unchanged
/// (the SDK keeps them for session history). With a `historyMapper` the whole transcript goes
/// to the mapper instead and its result is `input_history`.
///
/// ```swift
/// let nested = NestedHandoffHistory().apply(to: data)
/// print(nested.inputHistoryItems[0]["content"]!.stringValue!)   // For context, here is …
/// ```
public struct NestedHandoffHistory: Sendable {
    /// The markers written around (and recognised in) summaries.
    public var wrappers: ConversationHistoryWrappers
    /// The SDK's `history_mapper`: replaces the summary step; gets the whole transcript and
    /// returns the new `input_history`.
    public var historyMapper: (@Sendable ([OrderedJSON]) -> [OrderedJSON])?

    /// The filter, with the SDK's default markers and summary unless given.
    ///
    /// ```swift
    /// let nesting = NestedHandoffHistory(wrappers: ConversationHistoryWrappers(start: "<PRIOR>", end: "</PRIOR>"))
    /// ```
    public init(wrappers: ConversationHistoryWrappers = .default, historyMapper: (@Sendable ([OrderedJSON]) -> [OrderedJSON])? = nil) {
        self.wrappers = wrappers
        self.historyMapper = historyMapper
    }

    static let summaryOnlyTypes: Set<String> = ["function_call", "function_call_output", "reasoning"]

    /// The nested data (see ``NestedHandoffHistory``).
    ///
    /// ```swift
    /// let nested = NestedHandoffHistory().apply(to: data)
    /// ```
    public func apply(to data: OpenAIHandoffInputData) -> OpenAIHandoffInputData {
        let history = HistorySummaryReader(wrappers: wrappers).flatten(data.inputHistoryItems).map(HistorySummaryWriter.stripSDKMetadata)
        let pre = data.preHandoffItems.filter { $0.kind != .toolApproval }.map { item in
            let plain = Self.plainInput(item)
            return (plain, Self.forwardsPreHandoffItem(plain))
        }
        let new = data.newItems.filter { $0.kind != .toolApproval }.map { item in
            let plain = Self.plainInput(item)
            return (plain, Self.forwardsNewItem(plain))
        }
        let items = pre + new
        let nestedHistory: [OrderedJSON]
        if let historyMapper {
            nestedHistory = historyMapper(history + items.map(\.0))
        } else {
            nestedHistory = orderedHistory(history, items: items)
        }
        var result = data
        result.inputHistory = .items(nestedHistory)
        result.preHandoffItems = []
        result.inputItems = []
        return result
    }

    /// `_build_ordered_default_history`: summaries closed by each verbatim item.
    private func orderedHistory(_ history: [OrderedJSON], items: [(OrderedJSON, Bool)]) -> [OrderedJSON] {
        let writer = HistorySummaryWriter(wrappers: wrappers)
        var result: [OrderedJSON] = []
        var pending = history
        for (item, verbatim) in items {
            guard verbatim else {
                pending.append(item)
                continue
            }
            if !pending.isEmpty || result.isEmpty {
                result.append(writer.summaryMessage(for: pending))
                pending = []
            }
            result.append(item)
        }
        if !pending.isEmpty || result.isEmpty { result.append(writer.summaryMessage(for: pending)) }
        return result
    }

    /// `run_item_to_input_item`: the run item's replayable input form (output-only keys dropped,
    /// a `null`/missing `status` removed).
    static func plainInput(_ runItem: OpenAIRunItem) -> OrderedJSON {
        var item = runItem.item
        if runItem.kind != .compaction {
            let type = item["type"]?.stringValue
            if runItem.kind == .toolCallOutput, type == "shell_call_output" {
                item = item.removing("status").removing("shell_output").removing("provider_data")
            }
            item["created_by"] = nil
            if type == "shell_call_output", case .array(let chunks)? = item["output"] {
                item["output"] = .array(chunks.map { $0.isObject ? $0.removing("created_by") : $0 })
            }
        }
        if item["status"] == nil || item["status"] == .null { item["status"] = nil }
        return item
    }

    static func isProgrammatic(_ item: OrderedJSON) -> Bool {
        if let type = item["type"]?.stringValue, type == "program" || type == "program_output" { return true }
        return item["caller"]?["type"]?.stringValue == "program"
    }

    static func forwardsPreHandoffItem(_ item: OrderedJSON) -> Bool {
        if isProgrammatic(item) || item["role"]?.stringValue == "assistant" { return false }
        return !(item["type"]?.stringValue.map(summaryOnlyTypes.contains) ?? false)
    }

    static func forwardsNewItem(_ item: OrderedJSON) -> Bool {
        if isProgrammatic(item) { return false }
        if let role = item["role"]?.stringValue, !role.isEmpty { return true }
        return !(item["type"]?.stringValue.map(summaryOnlyTypes.contains) ?? false)
    }
}
