import HandoffRailModels

/// OpenAI Agents SDK conversations: Responses input items and `HandoffInputData`.
///
/// `extract` takes either a list of input items (`message`, `function_call`,
/// `function_call_output`, `reasoning`, and the other `*_call` / `*_call_output` items) or a
/// `HandoffInputData` object (`input_history`, `pre_handoff_items`, `new_items`,
/// `input_items`). `resume` returns the list of input items for `Runner.run(agent, input)`;
/// ``resumeHandoffInputData(_:options:)`` rebuilds the `HandoffInputData` object instead.
/// Turns from other formats become easy input messages (`{"role": "user", "content": "…"}`).
///
/// ```swift
/// let turns = try OpenAIAgentsCodec().extract(handoffInputData)
/// let input = try OpenAIAgentsCodec().resume(turns, options: ResumeOptions())
/// ```
public struct OpenAIAgentsCodec: ConversationCodec {
    public let format = ConversationFormat.openAIAgents
    public let capabilities = ConversationCodecCapabilities(
        losslessSameFormat: true, crossFormatIsTextOnly: true, lostAcrossFormats: ConversationCodecCapabilities.textLevelLosses,
        resumeShape: "array of Responses input items (resumeHandoffInputData: the HandoffInputData object)")

    /// A codec.
    public init() {}

    public func extract(_ native: JSONValue) throws(ConversationCodecError) -> [ContextEntry] {
        if let items = native.arrayValue {
            var reader = OpenAIItemReader(format: format)
            return try reader.entries(from: items, location: "$", placement: nil)
        }
        let data = try NativeReader.object(native, at: "$", expected: "an array of input items or a HandoffInputData object")
        return try HandoffInputDataLayout.extract(data, format: format)
    }

    public func resume(_ entries: [ContextEntry], options: ResumeOptions) throws(ConversationCodecError) -> JSONValue {
        var items: [JSONValue] = []
        for (index, entry) in entries.enumerated() {
            items.append(try item(for: entry, at: index, options: options))
        }
        return .array(items)
    }

    /// The `HandoffInputData` object: turns extracted from one are put back in their lists
    /// (with the original `input_items`); other turns join `input_history` as messages.
    ///
    /// ```swift
    /// let data = try codec.resumeHandoffInputData(try codec.extract(original), options: ResumeOptions())
    /// // data == original
    /// ```
    public func resumeHandoffInputData(_ entries: [ContextEntry], options: ResumeOptions) throws(ConversationCodecError) -> JSONValue {
        var layout = HandoffInputDataLayout(entries: entries, format: format, options: options)
        for (index, entry) in entries.enumerated() {
            let source = reusableSource(of: entry, options: options)
            layout.append(try item(for: entry, at: index, options: options), segment: source.flatMap(HandoffInputDataLayout.segment(of:)))
        }
        return layout.jsonValue
    }

    private func item(for entry: ContextEntry, at index: Int, options: ResumeOptions) throws(ConversationCodecError) -> JSONValue {
        if let source = reusableSource(of: entry, options: options) { return source.raw }
        return ["role": .string(try nativeRole(of: entry, at: index)), "content": .string(entry.content)]
    }
}
