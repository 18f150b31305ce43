import HandoffRailModels

extension ToolCall {
    /// Reads a Google ADK (Gemini) function call: a content part `{"functionCall": {…}}` or
    /// the `functionCall` object itself, `{"id", "name", "args": {…}}` (snake_case
    /// `function_call` is accepted too, as the Python objects dump without aliases).
    public static func googleADK(_ part: JSONValue) throws(ToolCallParseError) -> ToolCall {
        let call = part["functionCall"] ?? part["function_call"] ?? part
        let name = try string("name", in: call, format: .googleADK)
        let arguments = call["args"] ?? .object([:])
        return ToolCall(id: call["id"]?.stringValue, name: name, arguments: arguments.isNull ? .object([:]) : arguments, format: .googleADK)
    }

    /// Every function call of an ADK event (`content.parts[*].functionCall`).
    public static func googleADKEvent(_ event: JSONValue) throws(ToolCallParseError) -> [ToolCall] {
        let parts = event["content"]?["parts"]?.arrayValue ?? []
        var result: [ToolCall] = []
        for part in parts where part["functionCall"] != nil || part["function_call"] != nil {
            result.append(try googleADK(part))
        }
        return result
    }

    /// A content part `{"functionResponse": {"id", "name", "response": {…}}}`. ADK requires
    /// the response to be an object: other results are wrapped as `{"result": …}` and
    /// errors sent as `{"error": "<message>"}`, as ADK's own function tools do.
    static func googleADKResponse(callID: String?, name: String, response: JSONValue) -> JSONValue {
        var functionResponse: [String: JSONValue] = ["name": .string(name), "response": response]
        if let callID { functionResponse["id"] = .string(callID) }
        return ["functionResponse": .object(functionResponse)]
    }
}
