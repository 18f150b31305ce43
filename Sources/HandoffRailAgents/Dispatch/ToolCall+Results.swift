import HandoffRailModels

extension ToolCall {
    /// The framework's tool-result item for a successful call returning `result`:
    /// - OpenAI Responses: `{"type": "function_call_output", "call_id", "output": "<JSON>"}`
    /// - OpenAI Chat: `{"role": "tool", "tool_call_id", "content": "<JSON>"}`
    /// - LangChain: a `ToolMessage` in `messages_to_dict` form, `status: "success"`
    /// - Google ADK: a `functionResponse` part (objects as they are, others as `{"result": …}`)
    /// - MCP: a `CallToolResult` with the JSON as text and as `structuredContent`
    /// - Vercel AI SDK: a `{"role": "tool", "content": [tool-result part]}` message — v4
    ///   `result: <JSON>`, v5+ `output: {"type": "json", "value": <JSON>}`
    public func result(_ result: JSONValue) -> JSONValue {
        let text = result.serializedString()
        switch format {
        case .openAIResponses: return Self.openAIResponsesOutput(callID: id, output: text)
        case .openAIChat: return Self.openAIChatOutput(callID: id, content: text)
        case .langChain: return Self.langChainToolMessage(callID: id, name: name, content: text, isError: false)
        case .googleADK: return Self.googleADKResponse(callID: id, name: name, response: result.objectValue != nil ? result : ["result": result])
        case .mcp: return Self.mcpResult(text: text, structured: result, isError: false)
        case .vercelAIV4: return Self.vercelToolMessage(Self.vercelV4ResultPart(callID: id, name: name, result: result, isError: false))
        case .vercelAIV5: return Self.vercelToolMessage(Self.vercelV5ResultPart(callID: id, name: name, output: ["type": "json", "value": result]))
        }
    }

    /// The framework's tool-result item for a failed call, carrying the error's one-line
    /// ``ToolCallError/message`` so the model can correct itself: the text output of OpenAI,
    /// a LangChain `ToolMessage` with `status: "error"`, an ADK `{"error": …}` response, an
    /// MCP result with `isError: true`, a Vercel v4 part with `isError: true` / v5+
    /// `output: {"type": "error-text", …}`.
    public func errorResult(_ error: ToolCallError) -> JSONValue {
        let text = "Error: \(error.message)"
        switch format {
        case .openAIResponses: return Self.openAIResponsesOutput(callID: id, output: text)
        case .openAIChat: return Self.openAIChatOutput(callID: id, content: text)
        case .langChain: return Self.langChainToolMessage(callID: id, name: name, content: text, isError: true)
        case .googleADK: return Self.googleADKResponse(callID: id, name: name, response: ["error": .string(error.message)])
        case .mcp: return Self.mcpResult(text: error.message, structured: nil, isError: true)
        case .vercelAIV4: return Self.vercelToolMessage(Self.vercelV4ResultPart(callID: id, name: name, result: .string(error.message), isError: true))
        case .vercelAIV5: return Self.vercelToolMessage(Self.vercelV5ResultPart(callID: id, name: name, output: ["type": "error-text", "value": .string(error.message)]))
        }
    }
}
