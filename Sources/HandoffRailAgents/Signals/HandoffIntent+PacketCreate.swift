import HandoffRailModels

extension HandoffIntent {
    /// The `context.custom` key holding the decoded signal.
    public static let customKey = "handoffrail.signal"

    /// The create-packet request for this handoff, sent from `identity`.
    ///
    /// The source agent is `identity` (never something the model wrote); the target is
    /// `targetAgent` (display name when known); the summary is the intent's summary, else its
    /// reason, else `Handoff from <me> to <target>`; the priority is the intent's or
    /// `normal`. `context.custom["handoffrail.signal"]` records the framework, signal kind,
    /// attributes and source items verbatim.
    ///
    /// ```swift
    /// let create = intent.packetCreate(from: AgentIdentity(id: "triage-1", name: "Triage"), conversation: turns)
    /// ```
    public func packetCreate(from identity: AgentIdentity, conversation: [ContextEntry] = [], tags: [String] = []) -> PacketCreate {
        let target = TargetAgentInfo(id: targetAgent, name: targetDisplayName ?? targetAgent)
        let metadata = Metadata(sourceAgent: identity.agentInfo, targetAgent: target, priority: priority ?? .normal, tags: tags)
        let text = [summary, reason].compactMap { $0 }.first { !$0.isEmpty }
        let record: JSONValue = [
            "framework": .string(framework.rawValue), "signal": .string(signal.rawValue),
            "target_agent": .string(targetAgent), "attributes": .object(attributes), "source_items": .array(sourceItems),
        ]
        let context = PacketContext(
            summary: text ?? "Handoff from \(identity.name) to \(targetDisplayName ?? targetAgent)",
            conversationState: conversation, custom: [Self.customKey: record])
        return PacketCreate(metadata: metadata, context: context)
    }
}
