import HandoffRailClient
import HandoffRailModels

extension HandoffAdapter where Codec == OpenAIAgentsCodec {
    /// An OpenAI Agents SDK adapter: Responses input items and `HandoffInputData`;
    /// `transfer_to_<agent>` calls (and the overridden tool names in `handoffTools`) are
    /// handoff signals.
    ///
    /// ```swift
    /// let triage = HandoffAdapter.openAIAgents(client: client, identity: AgentIdentity(id: "triage-1", name: "Triage"),
    ///                                          targets: ["refund_agent": TargetAgentInfo(id: "refunds-01", name: "Refunds")])
    /// ```
    public static func openAIAgents(
        client: HandoffRailClient, identity: AgentIdentity, handoffTools: [String: String] = [:],
        targets: [String: TargetAgentInfo] = [:]
    ) -> Self {
        Self(client: client, identity: identity, codec: OpenAIAgentsCodec(),
             decoders: [OpenAIAgentsHandoffDecoder(handoffTools: handoffTools)], targets: targets)
    }

    /// The create request for the handoff a `HandoffInputData` (as JSON) stands for: every
    /// item becomes a turn, the handoff call gives target, display name and signal record;
    /// `target` and `summary` override what the signal says.
    ///
    /// The handoff call is the one the SDK runs: the **first** handoff call of `new_items`
    /// (the current turn; earlier lists hold older, finished handoffs). When a model asked for
    /// several handoffs at once, the SDK runs the first and answers the others
    /// "Multiple handoffs detected, ignoring this one." — those are never taken.
    ///
    /// Throws ``HandoffAdapterError/noHandoffSignal(framework:)`` when the data holds no
    /// handoff call and no `target` is given.
    public func packetCreate(
        fromHandoffInputData data: JSONValue, to target: TargetAgentInfo? = nil, summary: String? = nil,
        details: HandoffDetails = HandoffDetails()
    ) throws -> PacketCreate {
        guard let intent = try runHandoffIntent(in: data) else {
            guard let target else { throw HandoffAdapterError.noHandoffSignal(framework: .openAIAgents) }
            return try packetCreate(to: target, summary: summary ?? "Handoff from \(identity.name)", conversation: data, details: details)
        }
        var create = try packetCreate(from: intent, conversation: data, details: details)
        if let target { create.metadata.targetAgent = target }
        if let summary { create.context.summary = summary }
        return create
    }

    /// The first handoff call of the current turn (`new_items`, or the list itself) that the
    /// SDK ran (see ``HandoffIntent/wasIgnoredByOpenAIAgents``).
    func runHandoffIntent(in data: JSONValue) throws -> HandoffIntent? {
        let currentTurn: JSONValue
        if data.arrayValue == nil, let newItems = data["new_items"], newItems.arrayValue != nil {
            currentTurn = newItems
        } else {
            currentTurn = data
        }
        return try intents(in: currentTurn).first { !$0.wasIgnoredByOpenAIAgents }
    }

    /// Creates the packet for a handoff the SDK is making — typically inside an
    /// `input_filter`, which receives the `HandoffInputData` (serialised by the Python side,
    /// see the README) — so that the next agent, in any framework, can pick it up.
    ///
    /// ```swift
    /// let packet = try await triage.createHandoff(from: handoffInputData)   // → refund_agent
    /// ```
    @discardableResult
    public func createHandoff(
        from data: JSONValue, to target: TargetAgentInfo? = nil, summary: String? = nil,
        details: HandoffDetails = HandoffDetails()
    ) async throws -> Packet {
        let create = try packetCreate(fromHandoffInputData: data, to: target, summary: summary, details: details)
        return try await client.createPacket(create, idempotencyKey: details.idempotencyKey)
    }

    /// The packet's conversation as a `HandoffInputData` object (`input_history`,
    /// `pre_handoff_items`, `new_items`, `input_items`): equal to the original when the
    /// packet was made from one; turns from other frameworks join `input_history` as messages.
    ///
    /// ```swift
    /// let data = try refunds.resumeHandoffInputData(packet)
    /// ```
    public func resumeHandoffInputData(_ packet: Packet, options: ResumeOptions = ResumeOptions()) throws -> JSONValue {
        try codec.resumeHandoffInputData(packet.context.conversationState, options: options.filled(from: packet))
    }

    /// The packet's conversation as Responses input items, for `Runner.run(agent, input=…)`
    /// (same as ``resumeConversation(_:options:)``).
    public func resumeInputItems(_ packet: Packet, options: ResumeOptions = ResumeOptions()) throws -> [JSONValue] {
        guard let items = try resumeConversation(packet, options: options).arrayValue else {
            throw HandoffAdapterError.unexpectedResumeShape(expected: "an array of input items")
        }
        return items
    }
}
