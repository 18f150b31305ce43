import HandoffRailModels

extension NestedHandoffHistory {
    /// The next agent's input for a packet's conversation: the nested history message list.
    ///
    /// The packet's `context.conversation_state` becomes a `HandoffInputData` the way
    /// ``OpenAIAgentsCodec/resumeHandoffInputData(_:options:)`` builds it (turns that came from
    /// the OpenAI Agents SDK go back to their own lists as their original items; other turns
    /// join `input_history` as `{"role", "content"}` messages), `filter` runs on it (e.g.
    /// redaction), then nesting; the result's `input_history` is returned. Items rebuilt from a
    /// packet have their members in sorted order, since the stored form keeps no order.
    ///
    /// ```swift
    /// let input = try NestedHandoffHistory().messages(for: packet)
    /// // [{"role": "assistant", "content": "For context, here is the conversation so far …"}]
    /// ```
    public func messages(
        for packet: Packet, filter: HandoffInputFilter = .identity, options: ResumeOptions = ResumeOptions()
    ) throws -> [OrderedJSON] {
        try messages(for: packet.context.conversationState, filter: filter, options: options)
    }

    /// The same for a conversation given as packet turns.
    public func messages(
        for conversation: [ContextEntry], filter: HandoffInputFilter = .identity, options: ResumeOptions = ResumeOptions()
    ) throws -> [OrderedJSON] {
        let native = try OpenAIAgentsCodec().resumeHandoffInputData(conversation, options: options)
        let data = try filter.apply(try OpenAIHandoffInputData(native))
        return apply(to: data).inputHistoryItems
    }
}
