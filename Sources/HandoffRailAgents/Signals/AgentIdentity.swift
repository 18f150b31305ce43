import HandoffRailModels

/// Who an adapter acts for: the agent's id, name and framework.
///
/// Identity comes from the adapter's configuration, never from a model's output, so a
/// decoded handoff can only ever be sent *from* this agent.
///
/// ```swift
/// let me = AgentIdentity(id: "triage-1", name: "Triage", framework: .openAIAgents)
/// let host = AgentIdentity(id: "desk-1", name: "Desk", frameworkName: "claude-desktop")
/// ```
public struct AgentIdentity: Sendable, Hashable {
    /// The agent id recorded as `metadata.source_agent.id`.
    public var id: String
    /// The display name.
    public var name: String
    /// The framework as recorded on packets (`metadata.source_agent.framework`): one of
    /// ``AgentFramework``'s names, or any other (an MCP host, an in-house runtime).
    public var frameworkName: String?
    /// The agent's version, if it has one.
    public var version: String?

    /// An identity on one of the frameworks the adapters know.
    public init(id: String, name: String, framework: AgentFramework? = nil, version: String? = nil) {
        self.init(id: id, name: name, frameworkName: framework?.rawValue, version: version)
    }

    /// An identity whose framework is any name (`nil` for none).
    public init(id: String, name: String, frameworkName: String?, version: String? = nil) {
        self.id = id
        self.name = name
        self.frameworkName = frameworkName
        self.version = version
    }

    /// The framework, when ``frameworkName`` is one the adapters know.
    public var framework: AgentFramework? {
        get { frameworkName.flatMap(AgentFramework.init(rawValue:)) }
        set { frameworkName = newValue?.rawValue }
    }

    /// The packet's `source_agent`.
    public var agentInfo: AgentInfo {
        AgentInfo(id: id, name: name, framework: frameworkName, version: version)
    }
}
