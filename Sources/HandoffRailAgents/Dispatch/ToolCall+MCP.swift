import HandoffRailModels

extension ToolCall {
    /// Reads the params of an MCP `tools/call` request: `{"name", "arguments": {…}}`. MCP
    /// params carry no call id (the JSON-RPC id is outside them), so ``id`` is `nil`.
    public static func mcp(_ params: JSONValue) throws(ToolCallParseError) -> ToolCall {
        let name = try string("name", in: params, format: .mcp)
        let arguments = params["arguments"] ?? .object([:])
        return ToolCall(id: nil, name: name, arguments: arguments.isNull ? .object([:]) : arguments, format: .mcp)
    }

    /// An MCP `CallToolResult`: one text item with the JSON (or the error message),
    /// `structuredContent` when the result is an object, and `isError`.
    static func mcpResult(text: String, structured: JSONValue?, isError: Bool) -> JSONValue {
        var result: [String: JSONValue] = [
            "content": [["type": "text", "text": .string(text)]],
            "isError": .bool(isError),
        ]
        if let structured, structured.objectValue != nil { result["structuredContent"] = structured }
        return .object(result)
    }
}
