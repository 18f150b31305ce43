import HandoffRailModels

/// Metadata keys the codecs write on turns, besides the source tag.
///
/// They describe the turn in a framework-neutral way so that a reader of the packet (or
/// another codec's caller) can tell a tool call from a message without knowing the
/// source format.
///
/// ```swift
/// entry.metadata?[TurnMetadata.kind] == "tool_call"
/// ```
public enum TurnMetadata {
    /// `message`, `tool_call`, `tool_result`, `reasoning` or `task_output`.
    public static let kind = "handoffrail.kind"
    /// Who produced the turn in the framework (`author` in ADK, `agent` in CrewAI, `name`).
    public static let author = "handoffrail.author"
    /// The native role when it is not one of the role table's (a LangChain ChatMessage role).
    public static let nativeRole = "handoffrail.native_role"
    /// `[{id, name, arguments}]` of a tool-call turn.
    public static let toolCalls = "handoffrail.tool_calls"
    /// The call a tool-result turn answers.
    public static let toolCallID = "handoffrail.tool_call_id"
    /// The tool a tool-result turn comes from.
    public static let toolName = "handoffrail.tool_name"
}

/// A tool call in framework-neutral form, for turn text and metadata.
struct NeutralToolCall: Sendable, Hashable {
    var id: String?
    var name: String
    /// Parsed arguments when they are JSON, else the raw string.
    var arguments: JSONValue

    var jsonValue: JSONValue {
        ["id": id.map(JSONValue.string) ?? .null, "name": .string(name), "arguments": arguments]
    }
}

/// How structured items read as text in a packet (and in other formats).
///
/// ```swift
/// TurnText.toolCalls([NeutralToolCall(id: "c1", name: "lookup", arguments: ["id": "1"])])
/// // [tool call] lookup {"id":"1"}
/// ```
enum TurnText {
    static func toolCalls(_ calls: [NeutralToolCall]) -> String {
        calls.map { "[tool call] \($0.name) \(compact($0.arguments))" }.joined(separator: "\n")
    }

    static func toolResult(name: String?, output: JSONValue) -> String {
        let text = output.stringValue ?? compact(output)
        return name.map { "[tool result] \($0): \(text)" } ?? "[tool result] \(text)"
    }

    static func reasoning(_ text: String) -> String { "[reasoning] \(text)" }

    /// Text and tool-call lines of one turn, skipping empty parts.
    static func joined(_ parts: [String]) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Compact JSON with sorted keys, stable across runs.
    static func compact(_ value: JSONValue) -> String { value.serializedString(sortedKeys: true) }

    /// Arguments given as a JSON string parsed when possible.
    static func parsedArguments(_ text: String) -> JSONValue {
        (try? JSONValue(parsing: text)) ?? .string(text)
    }

    /// Metadata for a turn: kind plus extra members, then the source tag.
    static func metadata(kind: String, source: SourceTag, extra: [String: JSONValue] = [:]) -> [String: JSONValue] {
        var metadata = extra
        metadata[TurnMetadata.kind] = .string(kind)
        metadata[SourceTag.metadataKey] = source.jsonValue
        return metadata
    }
}
