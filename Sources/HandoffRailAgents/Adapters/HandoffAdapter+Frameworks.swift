import HandoffRailClient
import HandoffRailModels

// Factories for the frameworks whose native JSON is a plain message or event list; the
// frameworks with their own shapes (OpenAI Agents `HandoffInputData`, CrewAI task outputs)
// have their own files.

extension HandoffAdapter where Codec == LangChainCodec {
    /// A LangChain adapter: `messages_to_dict` JSON in and out (tool calls and
    /// `tool_call_id` kept). LangChain has no handoff signal of its own; see ``langGraph(client:identity:handoffTools:targets:)``.
    ///
    /// ```swift
    /// let sales = HandoffAdapter.langChain(client: client, identity: AgentIdentity(id: "sales-01", name: "SalesBot"))
    /// ```
    public static func langChain(client: HandoffRailClient, identity: AgentIdentity, targets: [String: TargetAgentInfo] = [:]) -> Self {
        Self(client: client, identity: identity, codec: LangChainCodec(), targets: targets)
    }

    /// A LangGraph adapter: LangChain messages (a graph's `messages` state), with
    /// langgraph-swarm `transfer_to_<agent>` tool calls as handoff signals (`handoffTools`:
    /// tools created with a custom `name`, mapped to their agents).
    ///
    /// ```swift
    /// let swarm = HandoffAdapter.langGraph(client: client, identity: AgentIdentity(id: "flights", name: "Flight assistant"))
    /// let packets = try await swarm.handle(native: stateMessages)
    /// ```
    public static func langGraph(
        client: HandoffRailClient, identity: AgentIdentity, handoffTools: [String: String] = [:],
        targets: [String: TargetAgentInfo] = [:]
    ) -> Self {
        var identity = identity
        if identity.frameworkName == nil { identity.framework = .langGraph }
        return Self(client: client, identity: identity, codec: LangChainCodec(),
                    decoders: [LangGraphSwarmHandoffDecoder(handoffTools: handoffTools)], targets: targets)
    }
}

extension HandoffAdapter where Codec == VercelAICodec {
    /// A Vercel AI SDK adapter for `version` (v4 `CoreMessage[]`, v5+ `ModelMessage[]`). The
    /// AI SDK has no handoff signal; create handoffs explicitly.
    ///
    /// ```swift
    /// let web = HandoffAdapter.vercelAI(.v5, client: client, identity: AgentIdentity(id: "web-chat", name: "Web chat"))
    /// ```
    public static func vercelAI(
        _ version: VercelAICodec.Version, client: HandoffRailClient, identity: AgentIdentity,
        targets: [String: TargetAgentInfo] = [:]
    ) -> Self {
        Self(client: client, identity: identity, codec: VercelAICodec(version: version), targets: targets)
    }

    /// Hands on a chat as the UI posts it (AI SDK 5+ `UIMessage[]`, the body of `useChat`),
    /// converted like `convertToModelMessages` (``VercelUIMessages``).
    ///
    /// ```swift
    /// try await web.createHandoff(to: support, summary: "Refund request", uiMessages: body["messages"]!)
    /// ```
    @discardableResult
    public func createHandoff(to target: TargetAgentInfo, summary: String, uiMessages: JSONValue, details: HandoffDetails = HandoffDetails()) async throws -> Packet {
        try await createHandoff(to: target, summary: summary, conversation: try VercelUIMessages.modelMessages(from: uiMessages), details: details)
    }
}

extension HandoffAdapter where Codec == GoogleADKCodec {
    /// A Google ADK adapter: session events (`Event.model_dump(mode="json", by_alias=True,
    /// exclude_none=True)`) in and out; `transfer_to_agent` calls and
    /// `actions.transferToAgent` are handoff signals.
    ///
    /// ```swift
    /// let root = HandoffAdapter.googleADK(client: client, identity: AgentIdentity(id: "root", name: "root_agent"))
    /// ```
    public static func googleADK(client: HandoffRailClient, identity: AgentIdentity, targets: [String: TargetAgentInfo] = [:]) -> Self {
        Self(client: client, identity: identity, codec: GoogleADKCodec(), decoders: [GoogleADKTransferDecoder()], targets: targets)
    }
}

extension HandoffAdapter where Codec == WebAgentsCodec {
    /// A webagents adapter: OpenAI chat messages in and out; `__HANDOFF_REQUEST__:<target>`
    /// tool results are handoff signals, `handoffs` the agent's registered `@handoff`s as
    /// JSON (their metadata, priority included, rides verbatim in the signal record).
    ///
    /// ```swift
    /// let agent = HandoffAdapter.webAgents(client: client, identity: AgentIdentity(id: "concierge", name: "Concierge"))
    /// ```
    public static func webAgents(
        client: HandoffRailClient, identity: AgentIdentity, handoffs: [JSONValue] = [],
        targets: [String: TargetAgentInfo] = [:]
    ) -> Self {
        Self(client: client, identity: identity, codec: WebAgentsCodec(),
             decoders: [WebAgentsHandoffDecoder(handoffs: handoffs)], targets: targets)
    }

    /// The conversation of a webagents remote handoff: the request's `messages` followed by
    /// the one assistant message its streamed reply (`text/event-stream` of
    /// `chat.completion.chunk`s) adds up to.
    ///
    /// ```swift
    /// let transcript = try HandoffAdapter.webAgentsTranscript(messages: request["messages"]!, eventStream: replyBody)
    /// ```
    public static func webAgentsTranscript(messages: JSONValue, eventStream: String) throws -> JSONValue {
        guard let sent = messages.arrayValue else {
            throw ConversationCodecError(.malformedNative, at: "$", expected: "an array of chat messages")
        }
        let reply = try WebAgentsStream.message(from: try WebAgentsStream.chunks(fromEventStream: eventStream))
        return .array(sent + [reply])
    }
}
