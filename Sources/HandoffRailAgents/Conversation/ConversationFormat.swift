/// A native conversation format: a framework and the revision of its serialised shape.
///
/// Two formats are the same only when both parts match; Vercel AI SDK v4 `CoreMessage`s
/// and v5+ `ModelMessage`s are different formats of one framework (`args` became `input`,
/// tool results became typed outputs), so a v4 item is never re-emitted into a v5 transcript.
///
/// ```swift
/// ConversationFormat.vercelAIv5 == ConversationFormat(framework: .vercelAI, version: "5")   // true
/// ```
public struct ConversationFormat: Sendable, Hashable, CustomStringConvertible {
    /// The framework.
    public var framework: AgentFramework
    /// The shape revision (`"1"` unless the framework versions its message types itself).
    public var version: String

    /// A format; codecs expose theirs as `format`.
    public init(framework: AgentFramework, version: String) {
        self.framework = framework
        self.version = version
    }

    /// `langchain/1`.
    public var description: String { "\(framework.rawValue)/\(version)" }

    /// `messages_to_dict` / `messages_from_dict` (langchain-core 0.1 through 1.x).
    public static let langChain = ConversationFormat(framework: .langChain, version: "1")
    /// crewai 1.x `TaskOutput` / `CrewOutput` model dumps.
    public static let crewAI = ConversationFormat(framework: .crewAI, version: "1")
    /// OpenAI Responses input items as the Agents SDK passes them around.
    public static let openAIAgents = ConversationFormat(framework: .openAIAgents, version: "1")
    /// Vercel AI SDK 4.x `CoreMessage`.
    public static let vercelAIv4 = ConversationFormat(framework: .vercelAI, version: "4")
    /// Vercel AI SDK 5 and later `ModelMessage`.
    public static let vercelAIv5 = ConversationFormat(framework: .vercelAI, version: "5")
    /// google-adk `Event` dumps (camelCase aliases, as ADK's session services store them).
    public static let googleADK = ConversationFormat(framework: .googleADK, version: "1")
    /// OpenAI chat-completions messages as webagents sends them.
    public static let webAgents = ConversationFormat(framework: .webAgents, version: "1")
    /// A2A protocol v1 `Message` objects (`role: ROLE_USER|ROLE_AGENT`, `parts`).
    public static let a2a = ConversationFormat(framework: .a2a, version: "1")
}
