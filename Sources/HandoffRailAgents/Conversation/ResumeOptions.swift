import HandoffRailModels

/// Choices for ``ConversationCodec/resume(_:options:)``.
///
/// Resuming from a ``Packet`` fills `agentName`, `summary` and `custom` from it unless they
/// are already set.
///
/// ```swift
/// let history = try OpenAIAgentsCodec().resume(packet, options: ResumeOptions(reuseSourceItems: false))
/// ```
public struct ResumeOptions: Sendable, Hashable {
    /// Re-emit the original native item of turns extracted from the same format (default).
    /// `false` rebuilds every turn as text, which is how a different format would see it.
    public var reuseSourceItems: Bool
    /// The author written for agent turns that do not name their own, where the format
    /// records one (Google ADK `author`); defaults to the packet's source agent.
    public var agentName: String?
    /// The packet summary, for formats that carry one (CrewAI kickoff inputs).
    public var summary: String?
    /// The packet's `context.custom`, for formats that carry it (CrewAI kickoff inputs).
    public var custom: [String: JSONValue]

    /// Options; the defaults reuse source items and carry nothing else.
    public init(reuseSourceItems: Bool = true, agentName: String? = nil, summary: String? = nil, custom: [String: JSONValue] = [:]) {
        self.reuseSourceItems = reuseSourceItems
        self.agentName = agentName
        self.summary = summary
        self.custom = custom
    }

    /// These options with blanks filled from `packet`.
    func filled(from packet: Packet) -> ResumeOptions {
        var options = self
        if options.agentName == nil { options.agentName = packet.metadata.sourceAgent.name }
        if options.summary == nil { options.summary = packet.context.summary }
        if options.custom.isEmpty { options.custom = packet.context.custom }
        return options
    }
}
