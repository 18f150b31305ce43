import HandoffRailModels

/// The two columns of the full-text index of a packet: the summary on its own (ranked higher
/// by bm25) and a body made of the rest of the context.
///
/// The body holds the conversation turns, the artifact keys and every string in artifact
/// values, and the keys and strings of `context.custom`, one per line. Numbers and booleans
/// are left out: nobody searches for `true`.
///
/// ```swift
/// PacketSearchText(context: PacketContext(summary: "Refund order 42",
///     conversationState: [ContextEntry(role: .user, content: "Where is my refund?")]))
/// // summary: "Refund order 42", body: "Where is my refund?"
/// ```
struct PacketSearchText: Sendable, Hashable {
    var summary: String
    var body: String

    init(context: PacketContext) {
        summary = context.summary
        var lines: [String] = []
        for entry in context.conversationState {
            lines.append(entry.content)
        }
        for artifact in context.artifacts {
            lines.append(artifact.key)
            switch artifact.value {
            case .string(let text): lines.append(text)
            case .array(let values): values.forEach { Self.collectStrings(of: $0, into: &lines) }
            case .object(let members): Self.collectStrings(of: .object(members), into: &lines)
            }
        }
        Self.collectStrings(of: .object(context.custom), into: &lines)
        body = lines.joined(separator: "\n")
    }

    /// Appends the object keys and string leaves of `value`, depth first, keys in sorted order
    /// (so equal documents always give equal text and the index is not rewritten needlessly).
    private static func collectStrings(of value: JSONValue, into lines: inout [String]) {
        switch value {
        case .string(let text):
            lines.append(text)
        case .array(let values):
            for element in values { collectStrings(of: element, into: &lines) }
        case .object(let members):
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                lines.append(key)
                collectStrings(of: member, into: &lines)
            }
        case .null, .bool, .integer, .number:
            break
        }
    }
}
