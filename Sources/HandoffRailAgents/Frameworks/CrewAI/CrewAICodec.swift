import HandoffRailModels

/// CrewAI: `TaskOutput` / `CrewOutput` in, kickoff inputs out.
///
/// A crew does not take a transcript: `crew.kickoff(inputs=…)` takes a dict of strings
/// that fill `{placeholders}` in task descriptions. So `extract` turns each task output
/// into an agent turn (its `raw` text, authored by the task's agent; the task's own LLM
/// `messages` stay in the source item), and `resume` writes kickoff inputs:
/// every `context.custom` member (strings as they are, other JSON compact) plus
/// `summary`, `conversation` (one `author: text` line per turn) and `last_output` (the last
/// agent turn's text); those three names win over custom members of the same name.
/// ``restoreOutput(_:)`` is the same-format round trip: it rebuilds the original
/// `TaskOutput` / `CrewOutput` from the turns.
///
/// ```python
/// crew.kickoff(inputs=resumed)   # {"customer_id": "c-42", "summary": "...", "conversation": "...", ...}
/// ```
public struct CrewAICodec: ConversationCodec {
    public let format = ConversationFormat.crewAI
    public let capabilities = ConversationCodecCapabilities(
        losslessSameFormat: true, crossFormatIsTextOnly: true,
        lostAcrossFormats: ["kickoff inputs are strings: every turn is flattened into the conversation transcript"]
            + ConversationCodecCapabilities.textLevelLosses,
        resumeShape: "kickoff inputs: object of strings (restoreOutput: the original TaskOutput / CrewOutput)")

    /// Kickoff input names the codec writes.
    public enum InputName {
        /// The packet summary.
        public static let summary = "summary"
        /// The transcript, one `author: text` line per turn.
        public static let conversation = "conversation"
        /// The last agent turn's text.
        public static let lastOutput = "last_output"
    }

    /// A codec.
    public init() {}

    public func extract(_ native: JSONValue) throws(ConversationCodecError) -> [ContextEntry] {
        let output = try NativeReader.object(native, at: "$", expected: "a TaskOutput or CrewOutput object")
        guard let tasks = output["tasks_output"] else {
            return [try entry(fromTask: native, at: "$", placement: nil)]
        }
        let taskOutputs = try NativeReader.array(tasks, at: "$.tasks_output", expected: "an array of TaskOutput objects")
        var envelope = output
        envelope["tasks_output"] = []
        guard !taskOutputs.isEmpty else {
            // A crew with no task outputs still has a result: one turn for the crew's raw text.
            let text = try NativeReader.optionalString(output["raw"], at: "$.raw") ?? ""
            let source = SourceTag(format: format, raw: native, placement: ["crew": true])
            return [ContextEntry(role: .agent, content: text, metadata: TurnText.metadata(kind: "task_output", source: source))]
        }
        var entries: [ContextEntry] = []
        for (index, task) in taskOutputs.enumerated() {
            let placement: JSONValue = index == 0 ? ["envelope": .object(envelope)] : [:]
            entries.append(try entry(fromTask: task, at: "$.tasks_output[\(index)]", placement: placement))
        }
        return entries
    }

    public func resume(_ entries: [ContextEntry], options: ResumeOptions) throws(ConversationCodecError) -> JSONValue {
        var inputs: [String: JSONValue] = [:]
        for (key, value) in options.custom {
            inputs[key] = .string(value.stringValue ?? TurnText.compact(value))
        }
        var lines: [String] = []
        for (index, entry) in entries.enumerated() {
            let role = try nativeRole(of: entry, at: index)
            let speaker = entry.metadata?[TurnMetadata.author]?.stringValue ?? role
            lines.append("\(speaker): \(entry.content)")
        }
        if let summary = options.summary { inputs[InputName.summary] = .string(summary) }
        inputs[InputName.conversation] = .string(lines.joined(separator: "\n"))
        inputs[InputName.lastOutput] = .string(entries.last { $0.role == .agent }?.content ?? "")
        return .object(inputs)
    }

    /// The `TaskOutput` or `CrewOutput` the turns were extracted from, or `nil` when no turn
    /// carries a CrewAI source item.
    ///
    /// ```swift
    /// try codec.restoreOutput(try codec.extract(crewOutput)) == crewOutput   // true
    /// ```
    public func restoreOutput(_ entries: [ContextEntry]) -> JSONValue? {
        let sources = entries.compactMap(\.sourceTag).filter { $0.format == format }
        guard let first = sources.first else { return nil }
        if first.placement?["crew"] == true { return first.raw }
        guard var crew = first.placement?["envelope"]?.objectValue else { return first.raw }
        crew["tasks_output"] = .array(sources.map(\.raw))
        return .object(crew)
    }

    private func entry(fromTask task: JSONValue, at location: String, placement: JSONValue?) throws(ConversationCodecError) -> ContextEntry {
        let members = try NativeReader.object(task, at: location, expected: "a TaskOutput object")
        let raw = try NativeReader.string(members["raw"], at: "\(location).raw", expected: "the task's raw output")
        var extra: [String: JSONValue] = [:]
        if let agent = try NativeReader.optionalString(members["agent"], at: "\(location).agent") {
            extra[TurnMetadata.author] = .string(agent)
        }
        let source = SourceTag(format: format, raw: task, placement: placement)
        return ContextEntry(role: .agent, content: raw, metadata: TurnText.metadata(kind: "task_output", source: source, extra: extra))
    }
}
