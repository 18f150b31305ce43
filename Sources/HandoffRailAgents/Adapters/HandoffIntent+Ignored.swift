import HandoffRailModels

extension HandoffIntent {
    /// The output the OpenAI Agents SDK gives the parallel handoff calls it does not run
    /// (`agents/run_internal/turn_resolution.py`: it runs the first and answers the others).
    static let openAIAgentsIgnoredHandoffOutput = "Multiple handoffs detected, ignoring this one."

    /// Whether this transfer call was answered with ``openAIAgentsIgnoredHandoffOutput``:
    /// the SDK did not hand off, so no packet should be made for it.
    ///
    /// ```swift
    /// let ran = try adapter.intents(in: newItems).filter { !$0.wasIgnoredByOpenAIAgents }
    /// ```
    var wasIgnoredByOpenAIAgents: Bool {
        sourceItems.contains { item in
            item["type"] == "function_call_output" && item["output"]?.stringValue == Self.openAIAgentsIgnoredHandoffOutput
        }
    }
}
