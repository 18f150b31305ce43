import HandoffRailModels

/// The text of a message `content` in any of the frameworks' shapes.
///
/// Content is a string, `null`, or a list of parts; a part is a string or an object whose
/// `text` member holds text (`{"type": "text"}`, `input_text`, `output_text`,
/// `summary_text`, Gemini `{"text": …}`). Other parts (images, files, tool calls) carry no
/// text and are skipped; their structure survives only in the source tag.
///
/// ```swift
/// ContentText.of([["type": "text", "text": "Hi"], ["type": "image", "image": "…"]])   // "Hi"
/// ```
enum ContentText {
    static func of(_ content: JSONValue?) -> String {
        switch content {
        case .string(let text)?: return text
        case .array(let parts)?: return parts.compactMap(partText).joined(separator: "\n")
        default: return ""
        }
    }

    private static func partText(_ part: JSONValue) -> String? {
        if let text = part.stringValue { return text }
        guard let members = part.objectValue, let text = members["text"]?.stringValue else { return nil }
        if let type = members["type"]?.stringValue, !textTypes.contains(type) { return nil }
        return text
    }

    private static let textTypes: Set<String> = ["text", "input_text", "output_text", "summary_text", "reasoning_text"]
}
