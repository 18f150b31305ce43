import HandoffRailModels

/// webagents conversations: OpenAI chat-completions messages.
///
/// webagents agents exchange `{"role", "content", "tool_calls", "tool_call_id", "name"}`
/// messages (remote handoffs POST them to `/chat/completions` and stream the answer back;
/// ``WebAgentsStream`` turns the streamed chunks into one assistant message). Tool calls and
/// tool results become tool lines; turns from other formats become `{"role", "content"}`.
///
/// ```swift
/// let turns = try WebAgentsCodec().extract(.array(requestMessages + [WebAgentsStream.message(from: chunks)]))
/// ```
public struct WebAgentsCodec: ConversationCodec {
    public let format = ConversationFormat.webAgents
    public let capabilities = ConversationCodecCapabilities(
        losslessSameFormat: true, crossFormatIsTextOnly: true, lostAcrossFormats: ConversationCodecCapabilities.textLevelLosses,
        resumeShape: "array of OpenAI chat-completions messages")

    /// A codec.
    public init() {}

    public func extract(_ native: JSONValue) throws(ConversationCodecError) -> [ContextEntry] {
        var toolNames: [String: String] = [:]
        return try extractEachItem(of: native, expected: "an array of chat messages") { message, location throws(ConversationCodecError) in
            try entry(from: message, at: location, toolNames: &toolNames)
        }
    }

    public func resume(_ entries: [ContextEntry], options: ResumeOptions) throws(ConversationCodecError) -> JSONValue {
        try resumeEachTurn(entries, options: options) { entry, index throws(ConversationCodecError) in
            ["role": .string(try nativeRole(of: entry, at: index)), "content": .string(entry.content)]
        }
    }

    private func entry(from message: JSONValue, at location: String, toolNames: inout [String: String]) throws(ConversationCodecError) -> ContextEntry {
        let native = try NativeReader.string(message["role"], at: "\(location).role", expected: "a message role")
        guard let role = ConversationRoleTable.mapping(for: .webAgents).packetRole(forNative: native) else {
            throw ConversationCodecError(.unsupportedItem, at: "\(location).role", expected: "system, developer, user, assistant, tool or function")
        }
        let source = SourceTag(format: format, raw: message)
        let text = ContentText.of(message["content"])
        var extra: [String: JSONValue] = [:]
        if native == "tool" || native == "function" {
            let callID = message["tool_call_id"]?.stringValue
            let name = callID.flatMap { toolNames[$0] } ?? message["name"]?.stringValue
            if let callID { extra[TurnMetadata.toolCallID] = .string(callID) }
            if let name { extra[TurnMetadata.toolName] = .string(name) }
            return ContextEntry(
                role: role, content: TurnText.toolResult(name: name, output: .string(text)),
                metadata: TurnText.metadata(kind: "tool_result", source: source, extra: extra))
        }
        if let name = message["name"]?.stringValue { extra[TurnMetadata.author] = .string(name) }
        let calls = try ChatToolCalls.read(message["tool_calls"], at: "\(location).tool_calls")
        for call in calls { if let id = call.id { toolNames[id] = call.name } }
        guard !calls.isEmpty else {
            return ContextEntry(role: role, content: text, metadata: TurnText.metadata(kind: "message", source: source, extra: extra))
        }
        extra[TurnMetadata.toolCalls] = .array(calls.map(\.jsonValue))
        return ContextEntry(
            role: role, content: TurnText.joined([text, TurnText.toolCalls(calls)]),
            metadata: TurnText.metadata(kind: "tool_call", source: source, extra: extra))
    }
}

/// Chat-completions `tool_calls` (`[{id, type: "function", function: {name, arguments}}]`).
enum ChatToolCalls {
    static func read(_ value: JSONValue?, at location: String) throws(ConversationCodecError) -> [NeutralToolCall] {
        guard let value, !value.isNull else { return [] }
        let calls = try NativeReader.array(value, at: location, expected: "an array of tool calls")
        var result: [NeutralToolCall] = []
        for (index, call) in calls.enumerated() {
            let name = try NativeReader.string(call["function"]?["name"], at: "\(location)[\(index)].function.name", expected: "a function name")
            let arguments = call["function"]?["arguments"]?.stringValue.map(TurnText.parsedArguments) ?? [:]
            result.append(NeutralToolCall(id: call["id"]?.stringValue, name: name, arguments: arguments))
        }
        return result
    }
}
