import HandoffRailModels

/// The one role-mapping table every codec uses.
///
/// `human` is a person in the loop. No framework has a separate role for that person, so
/// each maps it **explicitly** to the role through which a person speaks to the agent
/// (`human` in LangChain, `user` elsewhere) and says why in `humanRationale`; the
/// distinction between the end user and the reviewer is lost in the native transcript and
/// comes back only through a same-format round trip (the source item records it).
///
/// Google ADK has no system role in session events (instructions live on the agent), so
/// `system` turns are written as `user` content there; that is the table's only other
/// many-to-one entry; A2A (roles `ROLE_USER` and `ROLE_AGENT` only) does the same.
///
/// ```swift
/// ConversationRoleTable.mapping(for: .googleADK).outgoing[.agent]   // "model"
/// ```
public enum ConversationRoleTable {
    /// Every framework's mapping.
    public static let mappings: [AgentFramework: FrameworkRoleMapping] = {
        var table: [AgentFramework: FrameworkRoleMapping] = [:]
        for mapping in [langChain, langGraph, crewAI, openAIAgents, vercelAI, googleADK, webAgents, a2a] {
            table[mapping.framework] = mapping
        }
        return table
    }()

    /// The mapping for `framework`; every case of ``AgentFramework`` has one.
    public static func mapping(for framework: AgentFramework) -> FrameworkRoleMapping {
        mappings[framework]!
    }

    /// OpenAI-style `role` strings (chat completions, Responses, Vercel, LiteLLM).
    private static let openAIStyleIncoming: [String: ConversationRole] = [
        "user": .user, "assistant": .agent, "system": .system, "developer": .system, "tool": .agent,
        "function": .agent,
    ]
    private static let openAIStyleOutgoing: [ConversationRole: String] = [
        .user: "user", .agent: "assistant", .system: "system", .human: "user",
    ]

    private static let langChainIncoming: [String: ConversationRole] = [
        "human": .user, "ai": .agent, "system": .system, "tool": .agent, "function": .agent,
        "HumanMessageChunk": .user, "AIMessageChunk": .agent, "SystemMessageChunk": .system,
        "ToolMessageChunk": .agent, "FunctionMessageChunk": .agent,
    ]
    private static let langChainOutgoing: [ConversationRole: String] = [
        .user: "human", .agent: "ai", .system: "system", .human: "human",
    ]
    private static let langChainHuman =
        "A person in the loop speaks to the agent like the user does: a HumanMessage (type \"human\"). A ChatMessage with a custom role would not survive conversion to provider messages."

    static let langChain = FrameworkRoleMapping(
        framework: .langChain, outgoing: langChainOutgoing, incoming: langChainIncoming, humanRationale: langChainHuman)
    static let langGraph = FrameworkRoleMapping(
        framework: .langGraph, outgoing: langChainOutgoing, incoming: langChainIncoming,
        humanRationale: "LangGraph state holds LangChain messages. " + langChainHuman)
    static let crewAI = FrameworkRoleMapping(
        framework: .crewAI, outgoing: openAIStyleOutgoing, incoming: openAIStyleIncoming,
        humanRationale: "CrewAI task messages are LiteLLM chat messages; a person's words reach the agent as a user message (CrewAI's own human_input feedback is sent that way).")
    static let openAIAgents = FrameworkRoleMapping(
        framework: .openAIAgents, outgoing: openAIStyleOutgoing, incoming: openAIStyleIncoming,
        humanRationale: "Responses input messages have roles user, assistant, system and developer; a person in the loop is a user message (developer/system would give their words instruction authority).")
    static let vercelAI = FrameworkRoleMapping(
        framework: .vercelAI, outgoing: openAIStyleOutgoing, incoming: openAIStyleIncoming,
        humanRationale: "CoreMessage/ModelMessage roles are system, user, assistant and tool; a person in the loop is a user message.")
    static let googleADK = FrameworkRoleMapping(
        framework: .googleADK,
        outgoing: [.user: "user", .agent: "model", .system: "user", .human: "user"],
        incoming: ["user": .user, "model": .agent],
        humanRationale: "ADK contents have roles user and model only; a person in the loop is user content (author \"user\"). System turns are user content too, since ADK keeps instructions on the agent, not in events.")
    static let webAgents = FrameworkRoleMapping(
        framework: .webAgents, outgoing: openAIStyleOutgoing, incoming: openAIStyleIncoming,
        humanRationale: "webagents speaks OpenAI chat completions; a person in the loop is a user message.")
    static let a2a = FrameworkRoleMapping(
        framework: .a2a,
        outgoing: [.user: "ROLE_USER", .agent: "ROLE_AGENT", .system: "ROLE_USER", .human: "ROLE_USER"],
        incoming: ["ROLE_USER": .user, "ROLE_AGENT": .agent],
        humanRationale: "A2A v1 messages have roles ROLE_USER and ROLE_AGENT only; a person answering an input-required task sends a ROLE_USER message. System turns are ROLE_USER too, since A2A has no system role (instructions stay inside the remote agent).")
}
