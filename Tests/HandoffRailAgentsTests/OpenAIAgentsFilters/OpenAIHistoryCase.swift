import HandoffRailAgents
import HandoffRailModels

/// One cross-check case: an input `HandoffInputData` (JSON text, member order kept) and the
/// filters to run on it, each described as data so the Python check can run the SDK's own.
struct OpenAIHistoryCase: Sendable {
    enum Step: Sendable {
        case removeAllTools
        case nest(ConversationHistoryWrappers = .default)
        case keepLast(Int, dropOrphans: Bool = true)
        case redact(patterns: [String], replacement: String = "[REDACTED]", caseInsensitive: Bool = false, scope: PatternRedaction.Scope = .default)

        func filter() throws -> HandoffInputFilter {
            switch self {
            case .removeAllTools: return .removeAllTools
            case .nest(let wrappers): return .nestHandoffHistory(wrappers: wrappers)
            case .keepLast(let count, let dropOrphans): return .keepLast(count, dropOrphanedToolOutputs: dropOrphans)
            case .redact(let patterns, let replacement, let caseInsensitive, let scope):
                return .redact(try PatternRedaction(patterns: patterns, replacement: replacement, caseInsensitive: caseInsensitive, scope: scope))
            }
        }

        var json: OrderedJSON {
            switch self {
            case .removeAllTools: return ["filter": "remove_all_tools"]
            case .nest(let wrappers):
                return ["filter": "nest_handoff_history", "wrappers": ["start": .string(wrappers.start), "end": .string(wrappers.end)]]
            case .keepLast(let count, let dropOrphans):
                return ["filter": "keep_last", "count": .number(String(count)), "drop_orphaned_tool_outputs": .bool(dropOrphans)]
            case .redact(let patterns, let replacement, let caseInsensitive, let scope):
                let names: [(PatternRedaction.Scope, OrderedJSON)] = [
                    (.messages, "messages"), (.toolOutputs, "tool_outputs"), (.toolArguments, "tool_arguments"), (.reasoning, "reasoning"),
                ]
                return ["filter": "redact", "patterns": .array(patterns.map(OrderedJSON.string)), "replacement": .string(replacement),
                        "case_insensitive": .bool(caseInsensitive), "scope": .array(names.filter { scope.contains($0.0) }.map(\.1))]
            }
        }
    }

    let name: String
    let input: OpenAIHandoffInputData
    let steps: [Step]
    /// The SDK's own result recorded in the sample, when there is one.
    var sdkReference: OpenAIHandoffInputData? = nil

    init(_ name: String, _ inputText: String, _ steps: [Step]) throws {
        self.name = name
        self.input = try OpenAIHandoffInputData(parsing: inputText)
        self.steps = steps
    }

    init(_ name: String, input: OpenAIHandoffInputData, _ steps: [Step], sdkReference: OpenAIHandoffInputData? = nil) {
        self.name = name
        self.input = input
        self.steps = steps
        self.sdkReference = sdkReference
    }

    func filter() throws -> HandoffInputFilter {
        try steps.reduce(HandoffInputFilter.identity) { try $0.then($1.filter()) }
    }

    func output() throws -> OpenAIHandoffInputData { try filter().apply(input) }

    /// The exported file: name, input, steps, our output (and the SDK reference).
    func exportJSON() throws -> OrderedJSON {
        var json: OrderedJSON = [
            "name": .string(name), "input": input.json, "steps": .array(steps.map(\.json)), "output": try output().json,
        ]
        if let sdkReference { json["sdk_reference"] = sdkReference.json }
        return json
    }
}
