import HandoffRailModels

/// Reads Responses input items into turns, remembering tool names by call id so that a
/// `function_call_output` can say which tool it answers.
struct OpenAIItemReader {
    let format: ConversationFormat
    private var toolNames: [String: String] = [:]

    init(format: ConversationFormat) { self.format = format }

    mutating func entries(from items: [JSONValue], location: String, placement: JSONValue?) throws(ConversationCodecError) -> [ContextEntry] {
        var entries: [ContextEntry] = []
        for (index, item) in items.enumerated() {
            entries.append(try entry(from: item, at: "\(location)[\(index)]", placement: placement))
        }
        return entries
    }

    mutating func entry(from item: JSONValue, at location: String, placement: JSONValue?) throws(ConversationCodecError) -> ContextEntry {
        let members = try NativeReader.object(item, at: location, expected: "an input item object")
        let source = SourceTag(format: format, raw: item, placement: placement)
        let type = try NativeReader.optionalString(members["type"], at: "\(location).type") ?? "message"
        switch type {
        case "message":
            let native = try NativeReader.string(members["role"], at: "\(location).role", expected: "a message role")
            guard let role = ConversationRoleTable.mapping(for: .openAIAgents).packetRole(forNative: native) else {
                throw ConversationCodecError(.unsupportedItem, at: "\(location).role", expected: "user, assistant, system or developer")
            }
            return ContextEntry(role: role, content: ContentText.of(members["content"]), metadata: TurnText.metadata(kind: "message", source: source))
        case "function_call":
            let name = try NativeReader.string(members["name"], at: "\(location).name", expected: "a function name")
            let callID = members["call_id"]?.stringValue
            if let callID { toolNames[callID] = name }
            let arguments = TurnText.parsedArguments(members["arguments"]?.stringValue ?? "{}")
            let call = NeutralToolCall(id: callID, name: name, arguments: arguments)
            return ContextEntry(
                role: .agent, content: TurnText.toolCalls([call]),
                metadata: TurnText.metadata(kind: "tool_call", source: source, extra: [TurnMetadata.toolCalls: [call.jsonValue]]))
        case "reasoning":
            let text = TurnText.joined([ContentText.of(members["summary"]), ContentText.of(members["content"])])
            return ContextEntry(role: .agent, content: TurnText.reasoning(text), metadata: TurnText.metadata(kind: "reasoning", source: source))
        default:
            return toolItem(type: type, members: members, source: source)
        }
    }

    /// `function_call_output` and the hosted-tool items (`web_search_call`, `computer_call_output`, …).
    private func toolItem(type: String, members: [String: JSONValue], source: SourceTag) -> ContextEntry {
        var extra: [String: JSONValue] = [:]
        let callID = members["call_id"]?.stringValue
        if let callID { extra[TurnMetadata.toolCallID] = .string(callID) }
        guard type.hasSuffix("_output") else {
            return ContextEntry(role: .agent, content: "[\(type)]", metadata: TurnText.metadata(kind: "tool_call", source: source, extra: extra))
        }
        let name = callID.flatMap { toolNames[$0] }
        if let name { extra[TurnMetadata.toolName] = .string(name) }
        let output: JSONValue = members["output"].map { $0.arrayValue != nil ? .string(ContentText.of($0)) : $0 } ?? .null
        return ContextEntry(
            role: .agent, content: TurnText.toolResult(name: name, output: output),
            metadata: TurnText.metadata(kind: "tool_result", source: source, extra: extra))
    }
}
