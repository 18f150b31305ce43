import HandoffRailModels

/// LangChain messages in `messages_to_dict` form (`[{"type": …, "data": {…}}]`).
///
/// `extract` reads what `langchain_core.messages.messages_to_dict` writes: `system`,
/// `human`, `ai` (with `tool_calls`), `tool` (with `tool_call_id`), `function` and `chat`
/// (custom `role`) messages and their chunk variants. `resume` writes what
/// `messages_from_dict` accepts: message types from ``ConversationRoleTable`` (never
/// `"agent"`, which LangChain rejects), with the fields `messages_to_dict` would write.
///
/// ```python
/// from langchain_core.messages import messages_from_dict
/// history = messages_from_dict(json.loads(resumed))   # what LangChainCodec.resume returned
/// ```
public struct LangChainCodec: ConversationCodec {
    public let format = ConversationFormat.langChain
    public let capabilities = ConversationCodecCapabilities(
        losslessSameFormat: true, crossFormatIsTextOnly: true, lostAcrossFormats: ConversationCodecCapabilities.textLevelLosses,
        resumeShape: "array of messages_to_dict messages")

    /// A codec.
    public init() {}

    public func extract(_ native: JSONValue) throws(ConversationCodecError) -> [ContextEntry] {
        try extractEachItem(of: native, expected: "an array of messages_to_dict messages") { message, location throws(ConversationCodecError) in
            try entry(from: message, at: location)
        }
    }

    public func resume(_ entries: [ContextEntry], options: ResumeOptions) throws(ConversationCodecError) -> JSONValue {
        try resumeEachTurn(entries, options: options) { entry, index throws(ConversationCodecError) in
            Self.message(type: try nativeRole(of: entry, at: index), content: entry.content)
        }
    }

    /// A message as `messages_to_dict` writes a fresh one of `type`.
    static func message(type: String, content: String) -> JSONValue {
        var data: [String: JSONValue] = [
            "content": .string(content), "additional_kwargs": [:], "response_metadata": [:], "type": .string(type),
            "name": .null, "id": .null,
        ]
        if type == "ai" {
            data["tool_calls"] = []
            data["invalid_tool_calls"] = []
            data["usage_metadata"] = .null
        }
        return ["type": .string(type), "data": .object(data)]
    }

    private func entry(from message: JSONValue, at location: String) throws(ConversationCodecError) -> ContextEntry {
        let type = try NativeReader.string(message["type"], at: "\(location).type", expected: "a message type")
        let data = try NativeReader.object(message["data"], at: "\(location).data", expected: "an object")
        let source = SourceTag(format: format, raw: message)
        var extra: [String: JSONValue] = [:]
        let name = try NativeReader.optionalString(data["name"], at: "\(location).data.name")
        let role = try role(type: type, data: data, location: location, extra: &extra)
        let text = ContentText.of(data["content"])
        switch type {
        case "tool", "ToolMessageChunk", "function", "FunctionMessageChunk":
            // `name` of a tool or function message is the tool's name, not the speaker's.
            if let callID = data["tool_call_id"]?.stringValue { extra[TurnMetadata.toolCallID] = .string(callID) }
            if let name { extra[TurnMetadata.toolName] = .string(name) }
            return ContextEntry(
                role: role, content: TurnText.toolResult(name: name, output: .string(text)),
                metadata: TurnText.metadata(kind: "tool_result", source: source, extra: extra))
        default:
            if let name { extra[TurnMetadata.author] = .string(name) }
            let calls = try toolCalls(data["tool_calls"], at: "\(location).data.tool_calls")
            guard !calls.isEmpty else {
                return ContextEntry(role: role, content: text, metadata: TurnText.metadata(kind: "message", source: source, extra: extra))
            }
            extra[TurnMetadata.toolCalls] = .array(calls.map(\.jsonValue))
            return ContextEntry(
                role: role, content: TurnText.joined([text, TurnText.toolCalls(calls)]),
                metadata: TurnText.metadata(kind: "tool_call", source: source, extra: extra))
        }
    }

    private func role(
        type: String, data: [String: JSONValue], location: String, extra: inout [String: JSONValue]
    ) throws(ConversationCodecError) -> ConversationRole {
        let table = ConversationRoleTable.mapping(for: .langChain)
        guard type == "chat" || type == "ChatMessageChunk" else {
            guard let role = table.packetRole(forNative: type) else {
                throw ConversationCodecError(.unsupportedItem, at: "\(location).type", expected: "a LangChain message type")
            }
            return role
        }
        let native = try NativeReader.string(data["role"], at: "\(location).data.role", expected: "a chat message role")
        if let role = table.packetRole(forNative: native)
            ?? ConversationRoleTable.mapping(for: .openAIAgents).packetRole(forNative: native)
        {
            return role
        }
        // A custom ChatMessage role ("supervisor") is another participant speaking in the
        // agents' conversation; the native role is kept beside the turn.
        extra[TurnMetadata.nativeRole] = .string(native)
        return .agent
    }

    private func toolCalls(_ value: JSONValue?, at location: String) throws(ConversationCodecError) -> [NeutralToolCall] {
        guard let value, !value.isNull else { return [] }
        let calls = try NativeReader.array(value, at: location, expected: "an array of tool calls")
        var result: [NeutralToolCall] = []
        for (index, call) in calls.enumerated() {
            let name = try NativeReader.string(call["name"], at: "\(location)[\(index)].name", expected: "a tool name")
            result.append(NeutralToolCall(id: call["id"]?.stringValue, name: name, arguments: call["args"] ?? [:]))
        }
        return result
    }
}
