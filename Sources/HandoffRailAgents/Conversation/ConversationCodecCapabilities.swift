/// What a codec keeps and what it loses, declared so that callers can decide before converting.
///
/// Every codec is lossless for its own format (the original items ride in the turns'
/// source tags) and text-level across formats: a turn from another format becomes a plain
/// message with the turn's role and text, so structure such as tool calls, tool results,
/// reasoning and content parts is rendered as text and not rebuilt.
///
/// ```swift
/// LangChainCodec().capabilities.lostAcrossFormats   // ["tool calls …", …]
/// ```
public struct ConversationCodecCapabilities: Sendable, Hashable {
    /// Re-emits the original items for turns extracted from its own format.
    public var losslessSameFormat: Bool
    /// Builds text-only items from turns of other formats (always true for the shipped codecs).
    public var crossFormatIsTextOnly: Bool
    /// What a cross-format conversion into this format drops, in words.
    public var lostAcrossFormats: [String]
    /// What `resume` returns (`"array of messages_to_dict messages"`).
    public var resumeShape: String

    /// Capabilities as declared by a codec.
    public init(losslessSameFormat: Bool, crossFormatIsTextOnly: Bool, lostAcrossFormats: [String], resumeShape: String) {
        self.losslessSameFormat = losslessSameFormat
        self.crossFormatIsTextOnly = crossFormatIsTextOnly
        self.lostAcrossFormats = lostAcrossFormats
        self.resumeShape = resumeShape
    }

    /// What every text-level conversion loses, shared by the codecs' declarations.
    static let textLevelLosses = [
        "tool calls and tool results become text turns (no call ids, no structured arguments)",
        "content parts other than text (images, files) are dropped",
        "reasoning items become text turns",
        "the packet role human becomes the framework's user role",
    ]
}
