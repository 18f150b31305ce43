import HandoffRailModels

/// Who an adapter acts for: the agent's id, name and framework.
///
/// Identity comes from the adapter's configuration, never from a model's output, so a
/// decoded handoff can only ever be sent *from* this agent.
///
/// ```swift
/// let me = AgentIdentity(id: "triage-1", name: "Triage", framework: .openAIAgents)
/// ```
public struct AgentIdentity: Sendable, Hashable {
    /// The agent id recorded as `metadata.source_agent.id`.
    public var id: String
    /// The display name.
    public var name: String
    /// The framework the agent runs on.
    public var framework: AgentFramework?
    /// The agent's version, if it has one.
    public var version: String?

    /// An identity.
    public init(id: String, name: String, framework: AgentFramework? = nil, version: String? = nil) {
        self.id = id
        self.name = name
        self.framework = framework
        self.version = version
    }

    /// The packet's `source_agent`.
    public var agentInfo: AgentInfo {
        AgentInfo(id: id, name: name, framework: framework?.rawValue, version: version)
    }
}
