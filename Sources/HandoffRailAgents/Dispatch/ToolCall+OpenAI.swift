import HandoffRailModels

extension ToolCall {
    /// Reads an OpenAI Responses API (and OpenAI Agents SDK) `function_call` item, whose
    /// `arguments` is a JSON *string*.
    ///
    /// ```swift
    /// // {"type":"function_call","call_id":"call_1","name":"handoffrail_get_packet","arguments":"{\"packet_id\":\"…\"}"}
    /// let call = try ToolCall.openAIResponses(item)
    /// ```
    public static func openAIResponses(_ item: JSONValue) throws(ToolCallParseError) -> ToolCall {
        if let type = item["type"]?.stringValue, type != "function_call" {
            throw ToolCallParseError(format: .openAIResponses, reason: "type is '\(type)', not 'function_call'")
        }
        let name = try string("name", in: item, format: .openAIResponses)
        let callID = try string("call_id", in: item, format: .openAIResponses)
        return ToolCall(id: callID, name: name, arguments: openAIArguments(item["arguments"]), format: .openAIResponses)
    }

    /// Reads one OpenAI Chat Completions `tool_calls[i]` entry (also what webagents sends):
    /// `{"id", "type": "function", "function": {"name", "arguments": "<JSON string>"}}`.
    public static func openAIChat(_ entry: JSONValue) throws(ToolCallParseError) -> ToolCall {
        if let type = entry["type"]?.stringValue, type != "function" {
            throw ToolCallParseError(format: .openAIChat, reason: "type is '\(type)', not 'function'")
        }
        guard let function = entry["function"], function.objectValue != nil else {
            throw ToolCallParseError(format: .openAIChat, reason: "no 'function' object")
        }
        let name = try string("name", in: function, format: .openAIChat)
        let callID = try string("id", in: entry, format: .openAIChat)
        return ToolCall(id: callID, name: name, arguments: openAIArguments(function["arguments"]), format: .openAIChat)
    }

    /// Every function call of a Chat Completions assistant message (`message.tool_calls`).
    public static func openAIChatMessage(_ message: JSONValue) throws(ToolCallParseError) -> [ToolCall] {
        guard let calls = message["tool_calls"]?.arrayValue else { return [] }
        var result: [ToolCall] = []
        for entry in calls { result.append(try openAIChat(entry)) }
        return result
    }

    /// `{"type": "function_call_output", "call_id": …, "output": "<text>"}`.
    static func openAIResponsesOutput(callID: String?, output: String) -> JSONValue {
        ["type": "function_call_output", "call_id": .string(callID ?? ""), "output": .string(output)]
    }

    /// `{"role": "tool", "tool_call_id": …, "content": "<text>"}`.
    static func openAIChatOutput(callID: String?, content: String) -> JSONValue {
        ["role": "tool", "tool_call_id": .string(callID ?? ""), "content": .string(content)]
    }

    /// OpenAI sends arguments as JSON text; an object is accepted too.
    private static func openAIArguments(_ value: JSONValue?) -> JSONValue {
        switch value {
        case .string(let text)?: return arguments(fromJSONText: text)
        case nil, .null?: return .object([:])
        case let other?: return other
        }
    }
}
