/// Writes the SDK's summary message (`default_handoff_history_mapper` /
/// `_build_summary_message` in agents/handoffs/history.py, openai-agents 0.24.0).
///
/// The message is `{"role": "assistant", "content": …}` whose content is, joined by `\n`:
/// the preamble line, the start marker, one line `N. <item>` per transcript item (or
/// `(no previous turns recorded)`), the end marker. An item is written
/// - `role: content` (or `role (name): content`) when it has a string role and its content is
///   missing, `null`, or a string without `\n`/`\r`;
/// - otherwise as `json.dumps(item, ensure_ascii=False)` without `provider_data`.
/// SDK-only keys (`created_by`, `_agents_tool_description`, `_agents_tool_title`) are dropped first.
///
/// ```swift
/// let message = HistorySummaryWriter(wrappers: .default).summaryMessage(for: transcript)
/// ```
public struct HistorySummaryWriter: Sendable {
    /// The markers written around the transcript.
    public var wrappers: ConversationHistoryWrappers

    /// A writer using `wrappers`.
    ///
    /// ```swift
    /// let writer = HistorySummaryWriter(wrappers: ConversationHistoryWrappers(start: "<PRIOR>"))
    /// ```
    public init(wrappers: ConversationHistoryWrappers = .default) { self.wrappers = wrappers }

    /// The one assistant message summarising `transcript`.
    public func summaryMessage(for transcript: [OrderedJSON]) -> OrderedJSON {
        ["role": "assistant", "content": .string(summaryText(for: transcript))]
    }

    /// The summary message's content.
    public func summaryText(for transcript: [OrderedJSON]) -> String {
        let lines = transcript.isEmpty
            ? ["(no previous turns recorded)"]
            : transcript.enumerated().map { "\($0.offset + 1). \(Self.line(for: $0.element))" }
        return ([ConversationHistoryWrappers.preamble, wrappers.start] + lines + [wrappers.end]).joined(separator: "\n")
    }

    /// One transcript item as the SDK writes it (`_format_transcript_item`).
    public static func line(for item: OrderedJSON) -> String {
        let item = stripSDKMetadata(item)
        if let role = item["role"]?.stringValue {
            switch item["content"] {
            case nil, .null?: return legacyLine(role: role, name: item["name"], content: "")
            case .string(let content)? where !PythonStringRules.containsNewline(content):
                return legacyLine(role: role, name: item["name"], content: content)
            default: break
            }
        }
        return item.removing("provider_data").pythonJSONText
    }

    private static func legacyLine(role: String, name: OrderedJSON?, content: String) -> String {
        var prefix = role
        if let name = name?.stringValue, !name.isEmpty { prefix += " (\(name))" }
        return "\(prefix): \(content)"
    }

    /// `strip_internal_input_item_metadata`: keys the SDK never replays.
    static func stripSDKMetadata(_ item: OrderedJSON) -> OrderedJSON {
        item.removing("_agents_tool_description").removing("_agents_tool_title").removing("created_by")
    }
}
