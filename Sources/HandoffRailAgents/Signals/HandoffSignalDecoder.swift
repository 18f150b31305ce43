import HandoffRailModels

/// Finds handoff signals in a framework's native JSON.
///
/// Decoders read the same documents the conversation codecs read (item lists, events,
/// messages) and return one intent per handoff, in document order; a document without a
/// signal gives `[]`.
///
/// ```swift
/// for intent in try GoogleADKTransferDecoder().decode(events) { … }
/// ```
public protocol HandoffSignalDecoder: Sendable {
    /// The framework whose signals this decoder reads.
    var framework: AgentFramework { get }
    /// The handoffs signalled in `native`.
    func decode(_ native: JSONValue) throws(ConversationCodecError) -> [HandoffIntent]
}
