import HandoffRailModels

extension ToolCall {
    /// Reads a LangChain tool call — an entry of `AIMessage.tool_calls`, as
    /// `messages_to_dict` writes it: `{"name", "args": {…}, "id", "type": "tool_call"}`.
    public static func langChain(_ entry: JSONValue) throws(ToolCallParseError) -> ToolCall {
        if let type = entry["type"]?.stringValue, type != "tool_call" {
            throw ToolCallParseError(format: .langChain, reason: "type is '\(type)', not 'tool_call'")
        }
        let name = try string("name", in: entry, format: .langChain)
        let arguments = entry["args"] ?? .object([:])
        return ToolCall(id: entry["id"]?.stringValue, name: name, arguments: arguments, format: .langChain)
    }

    /// Every tool call of an AI message in `messages_to_dict` form (`{"type": "ai", "data": {…, "tool_calls": […]}}`).
    public static func langChainMessage(_ message: JSONValue) throws(ToolCallParseError) -> [ToolCall] {
        let data = message["data"] ?? message
        guard let calls = data["tool_calls"]?.arrayValue else { return [] }
        var result: [ToolCall] = []
        for entry in calls { result.append(try langChain(entry)) }
        return result
    }

    /// A `ToolMessage` in `messages_to_dict` form, as `messages_from_dict` reads it back.
    static func langChainToolMessage(callID: String?, name: String, content: String, isError: Bool) -> JSONValue {
        let data: JSONValue = [
            "content": .string(content),
            "additional_kwargs": [:],
            "response_metadata": [:],
            "type": "tool",
            "name": .string(name),
            "id": .null,
            "tool_call_id": .string(callID ?? ""),
            "artifact": .null,
            "status": .string(isError ? "error" : "success"),
        ]
        return ["type": "tool", "data": data]
    }
}
