import HandoffRailModels

extension ToolDispatcher {
    /// Executes a framework tool call and answers in the framework's shape, whatever the
    /// outcome: the result item on success, the error item (with the one-line message the
    /// model reads) on failure — what an agent loop appends to the conversation.
    ///
    /// ```swift
    /// for entry in aiMessage["data"]?["tool_calls"]?.arrayValue ?? [] {
    ///     messages.append(await dispatcher.resultItem(for: try ToolCall.langChain(entry)))
    /// }
    /// ```
    public func resultItem(for toolCall: ToolCall) async -> JSONValue {
        do {
            return toolCall.result(try await call(toolCall))
        } catch {
            return toolCall.errorResult(error)
        }
    }
}
