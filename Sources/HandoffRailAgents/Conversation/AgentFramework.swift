/// An agent framework whose serialised JSON HandoffRail converts to and from.
///
/// The raw value is the name written into `metadata["handoffrail.source"].format` and into
/// signal records, so it is part of the wire contract: never rename a case's raw value.
///
/// ```swift
/// ConversationRoleTable.mapping(for: .langChain).nativeRole(for: .agent)   // "ai"
/// ```
public enum AgentFramework: String, Sendable, Hashable, CaseIterable, Codable {
    /// LangChain messages in `messages_to_dict` form.
    case langChain = "langchain"
    /// LangGraph (swarm / supervisor); its conversations are LangChain messages.
    case langGraph = "langgraph"
    /// CrewAI `TaskOutput` / `CrewOutput`.
    case crewAI = "crewai"
    /// OpenAI Agents SDK Responses input items and `HandoffInputData`.
    case openAIAgents = "openai-agents"
    /// Vercel AI SDK `CoreMessage` (v4) / `ModelMessage` (v5+).
    case vercelAI = "vercel-ai"
    /// Google Agent Development Kit session events.
    case googleADK = "google-adk"
    /// robutlerai webagents: OpenAI chat-completions messages and chunks.
    case webAgents = "webagents"
    /// A2A protocol v1 (Agent2Agent) `Message` objects.
    case a2a = "a2a"
}
