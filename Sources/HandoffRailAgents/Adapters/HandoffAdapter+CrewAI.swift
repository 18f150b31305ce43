import HandoffRailClient
import HandoffRailModels

extension HandoffAdapter where Codec == CrewAICodec {
    /// A CrewAI adapter: `TaskOutput` / `CrewOutput` JSON in, kickoff inputs out. CrewAI's
    /// handoff signal is a finished task: `routes` (task name or description → target) and
    /// `defaultTarget` decide which finished tasks ``handle(native:details:)`` hands on.
    ///
    /// ```swift
    /// let billing = HandoffAdapter.crewAI(client: client, identity: AgentIdentity(id: "billing-crew", name: "Billing crew"),
    ///                                     routes: ["billing_task": "fulfilment-01"])
    /// ```
    public static func crewAI(
        client: HandoffRailClient, identity: AgentIdentity, routes: [String: String] = [:], defaultTarget: String? = nil,
        targets: [String: TargetAgentInfo] = [:]
    ) -> Self {
        Self(client: client, identity: identity, codec: CrewAICodec(),
             decoders: [CrewAITaskCompletionDecoder(routes: routes, defaultTarget: defaultTarget)], targets: targets)
    }

    /// The create request for handing on a finished task (`TaskOutput`) or crew
    /// (`CrewOutput`), as JSON (`task_output.model_dump(mode="json")`).
    ///
    /// Each task output becomes an agent turn (the original kept for ``restoreOutput(of:)``).
    /// The summary defaults to `"<task name or description> completed by <agent>"` of the
    /// last task. The output's `json_dict` members go to `context.custom`, so they reach
    /// the next crew's kickoff inputs and fill its `{placeholders}` (``HandoffDetails/custom``
    /// wins on clashes).
    public func packetCreate(fromTask output: JSONValue, to target: TargetAgentInfo, summary: String? = nil, details: HandoffDetails = HandoffDetails()) throws -> PacketCreate {
        var details = details
        if let structured = output["json_dict"]?.objectValue {
            details.custom = structured.merging(details.custom) { _, chosen in chosen }
        }
        return try packetCreate(to: target, summary: summary ?? Self.taskSummary(output), conversation: output, details: details)
    }

    /// Hands a finished task (or crew) on to `target` — the reference SDK's
    /// `handoff_from_task`, taking CrewAI's own output instead of a result string.
    ///
    /// ```swift
    /// let packet = try await billing.handoffFromTask(taskOutputJSON, to: TargetAgentInfo(id: "fulfilment-01", name: "Fulfilment"))
    /// ```
    @discardableResult
    public func handoffFromTask(_ output: JSONValue, to target: TargetAgentInfo, summary: String? = nil, details: HandoffDetails = HandoffDetails()) async throws -> Packet {
        let create = try packetCreate(fromTask: output, to: target, summary: summary, details: details)
        return try await client.createPacket(create, idempotencyKey: details.idempotencyKey)
    }

    /// The packet as `crew.kickoff(inputs=…)` inputs: every `context.custom` member, plus
    /// `summary`, `conversation` and `last_output` (see ``CrewAICodec``).
    ///
    /// ```swift
    /// let inputs = try crew.kickoffInputs(for: packet)   // ["summary": "…", "invoice_id": "INV-9", …]
    /// ```
    public func kickoffInputs(for packet: Packet, options: ResumeOptions = ResumeOptions()) throws -> [String: String] {
        guard let members = try resumeConversation(packet, options: options).objectValue else {
            throw HandoffAdapterError.unexpectedResumeShape(expected: "an object of strings")
        }
        var inputs: [String: String] = [:]
        for (key, value) in members {
            guard let text = value.stringValue else { throw HandoffAdapterError.unexpectedResumeShape(expected: "an object of strings") }
            inputs[key] = text
        }
        return inputs
    }

    /// The `TaskOutput` / `CrewOutput` the packet was made from (same-format round trip), from
    /// its turns or else its ``NativeTranscript`` artifact; `nil` when it came from elsewhere.
    public func restoreOutput(of packet: Packet) -> JSONValue? {
        codec.restoreOutput(packet.context.conversationState)
            ?? NativeTranscript.find(in: packet.context.artifacts, format: codec.format)
    }

    /// `"<name or description> completed by <agent>"` of the (last) task.
    static func taskSummary(_ output: JSONValue) -> String {
        let task = output["tasks_output"]?.arrayValue?.last ?? output
        let label = [task["name"]?.stringValue, task["description"]?.stringValue].compactMap { $0 }.first { !$0.isEmpty } ?? "CrewAI task"
        guard let agent = task["agent"]?.stringValue, !agent.isEmpty else { return "\(label) completed" }
        return "\(label) completed by \(agent)"
    }
}
