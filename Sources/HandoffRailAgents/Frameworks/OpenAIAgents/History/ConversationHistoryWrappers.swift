/// The markers around the nested conversation summary, as in the SDK's
/// `set_conversation_history_wrappers` / `reset_conversation_history_wrappers`
/// (agents/handoffs/history.py, openai-agents 0.24.0).
///
/// The SDK keeps them in module-global state; here they are a value passed to the filter.
/// Use the same wrappers on both sides of the wire: a summary is recognised (and flattened on
/// the next handoff) only with the markers it was written with.
///
/// ```swift
/// let wrappers = ConversationHistoryWrappers(start: "<PRIOR TURNS>")   // end stays </CONVERSATION HISTORY>
/// let filter = HandoffInputFilter.nestHandoffHistory(wrappers: wrappers)
/// ```
public struct ConversationHistoryWrappers: Sendable, Hashable {
    /// The line opening the nested transcript.
    public var start: String
    /// The line closing it.
    public var end: String

    /// `start`/`end` replacing the defaults; `nil` keeps a default, as `None` does in the SDK.
    public init(start: String? = nil, end: String? = nil) {
        self.start = start ?? Self.defaultStart
        self.end = end ?? Self.defaultEnd
    }

    /// `<CONVERSATION HISTORY>` … `</CONVERSATION HISTORY>`.
    public static let `default` = ConversationHistoryWrappers()

    /// The SDK's default start marker.
    public static let defaultStart = "<CONVERSATION HISTORY>"
    /// The SDK's default end marker.
    public static let defaultEnd = "</CONVERSATION HISTORY>"

    /// The first line of every summary message.
    public static let preamble = "For context, here is the conversation so far between the user and the previous agent:"
    /// The first line older SDK versions wrote; still recognised when flattening.
    public static let legacyPreamble = "For context, here is the conversation so far:"
}
