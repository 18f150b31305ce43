import HandoffRailModels

extension ToolCall {
    /// Reads a Vercel AI SDK `tool-call` content part: v4 `CoreMessage`
    /// (`{"type": "tool-call", "toolCallId", "toolName", "args"}`) or v5+ `ModelMessage`
    /// (the same with `input`). The part is v4 only when it has `args` and no `input`; a part
    /// with neither (a call without arguments) is read as the current v5+ form, so its result
    /// is written the v5+ way.
    ///
    /// ```swift
    /// let call = try ToolCall.vercelAI(["type": "tool-call", "toolCallId": "c1", "toolName": "handoffrail_get_packet", "input": ["packet_id": "…"]])
    /// ```
    public static func vercelAI(_ part: JSONValue) throws(ToolCallParseError) -> ToolCall {
        let format: Format = part["args"] != nil && part["input"] == nil ? .vercelAIV4 : .vercelAIV5
        if let type = part["type"]?.stringValue, type != "tool-call" {
            throw ToolCallParseError(format: format, reason: "type is '\(type)', not 'tool-call'")
        }
        let name = try string("toolName", in: part, format: format)
        let callID = try string("toolCallId", in: part, format: format)
        let arguments = part["input"] ?? part["args"] ?? .object([:])
        return ToolCall(id: callID, name: name, arguments: arguments.isNull ? .object([:]) : arguments, format: format)
    }

    /// Every `tool-call` part of an assistant message (`content` as an array of parts).
    public static func vercelAIMessage(_ message: JSONValue) throws(ToolCallParseError) -> [ToolCall] {
        var result: [ToolCall] = []
        for part in message["content"]?.arrayValue ?? [] where part["type"] == "tool-call" {
            result.append(try vercelAI(part))
        }
        return result
    }

    /// `{"role": "tool", "content": [part]}`.
    static func vercelToolMessage(_ part: JSONValue) -> JSONValue {
        ["role": "tool", "content": [part]]
    }

    /// v4 `ToolResultPart`: `result` any JSON, `isError` on failure.
    static func vercelV4ResultPart(callID: String?, name: String, result: JSONValue, isError: Bool) -> JSONValue {
        var part: [String: JSONValue] = ["type": "tool-result", "toolCallId": .string(callID ?? ""), "toolName": .string(name), "result": result]
        if isError { part["isError"] = true }
        return .object(part)
    }

    /// v5+ `ToolResultPart`: `output` is `{"type": "json" | "error-text", "value": …}`.
    static func vercelV5ResultPart(callID: String?, name: String, output: JSONValue) -> JSONValue {
        ["type": "tool-result", "toolCallId": .string(callID ?? ""), "toolName": .string(name), "output": output]
    }
}
