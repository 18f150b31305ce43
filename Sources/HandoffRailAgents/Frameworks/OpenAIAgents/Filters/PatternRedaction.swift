import Foundation

/// Replaces every match of some regular expressions in the text a handoff passes on.
///
/// What is text, by ``Scope`` (default: messages and tool outputs):
/// - `.messages`: a message's `content` when it is a string, the `text` / `refusal` strings of
///   its content parts, and a string `input_history`;
/// - `.toolOutputs`: a tool output's `output` (`*_call_output` items) when it is a string, and
///   the `text`, `stdout` and `stderr` strings of its parts; a hosted `mcp_call`'s string `output`;
/// - `.toolArguments`: the `arguments` string of any item that has one (function, MCP calls…)
///   and a `custom_tool_call`'s `input` — the raw text, so a match inside JSON is replaced too;
/// - `.reasoning`: the `text` strings of a reasoning item's `summary` and `content` parts.
/// Images, files, audio and every other field are left alone, and non-text parts never fail.
/// Applied to all four lists. Nested history writes tool arguments and reasoning into the
/// summary, so add those scopes when they may carry what must not travel. Patterns
/// run in order, each over the previous one's result; the replacement is literal (no `$1`).
/// Patterns use ICU syntax (`NSRegularExpression`); keep to the part shared with Python's
/// `re` for cross-checks. A pattern that matches the empty string is rejected, and
/// zero-length matches inside a text (`\b`, lookarounds) are skipped — only text that is
/// actually matched is replaced.
///
/// ```swift
/// let redaction = try PatternRedaction(patterns: [#"\b\d{4}-\d{4}-\d{4}-\d{4}\b"#], replacement: "[CARD]")
/// let clean = redaction.apply(to: data)
/// ```
public struct PatternRedaction: Sendable {
    /// Which text is redacted.
    public struct Scope: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Message text (and a string `input_history`).
        public static let messages = Scope(rawValue: 1)
        /// Tool outputs.
        public static let toolOutputs = Scope(rawValue: 2)
        /// Raw tool-call arguments.
        public static let toolArguments = Scope(rawValue: 4)
        /// Reasoning summaries and content.
        public static let reasoning = Scope(rawValue: 8)
        /// Messages and tool outputs.
        public static let `default`: Scope = [.messages, .toolOutputs]
        /// Every kind of text.
        public static let all: Scope = [.messages, .toolOutputs, .toolArguments, .reasoning]
    }

    /// The regular expressions, in the order they run.
    public let patterns: [String]
    /// The literal text put in place of each match.
    public let replacement: String
    /// Which text is redacted.
    public let scope: Scope
    private let expressions: [NSRegularExpression]

    /// Compiles `patterns`; throws ``PatternRedactionError`` naming the index of a bad one.
    public init(
        patterns: [String], replacement: String = "[REDACTED]", caseInsensitive: Bool = false, scope: Scope = .default
    ) throws(PatternRedactionError) {
        var expressions: [NSRegularExpression] = []
        for (index, pattern) in patterns.enumerated() {
            guard let expression = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : []) else {
                throw PatternRedactionError(index: index, reason: "not a valid regular expression")
            }
            if expression.firstMatch(in: "", range: NSRange(location: 0, length: 0)) != nil {
                throw PatternRedactionError(index: index, reason: "matches the empty string")
            }
            expressions.append(expression)
        }
        self.patterns = patterns
        self.replacement = replacement
        self.scope = scope
        self.expressions = expressions
    }

    /// `text` with every non-empty match replaced.
    ///
    /// Zero-length matches (`\b`, a lookahead, `x*` between two letters) are skipped: they
    /// remove nothing, so replacing them would only insert the replacement into the text
    /// (Python's `re.sub` would insert it; this redaction deliberately does not).
    ///
    /// ```swift
    /// try PatternRedaction(patterns: [#"\b(?=\d)"#]).redact("card 4242")   // "card 4242", unchanged
    /// ```
    public func redact(_ text: String) -> String {
        expressions.reduce(text) { text, expression in
            let source = text as NSString
            let matches = expression.matches(in: text, range: NSRange(location: 0, length: source.length))
                .filter { $0.range.length > 0 }
            guard !matches.isEmpty else { return text }
            let result = NSMutableString(string: text)
            for match in matches.reversed() {
                result.replaceCharacters(in: match.range, with: replacement)
            }
            return result as String
        }
    }

    /// The handoff data with the text in ``scope`` of all four lists redacted (`input_history`,
    /// `pre_handoff_items`, `new_items`, `input_items`); everything else unchanged.
    ///
    /// ```swift
    /// let filtered = redaction.apply(to: try OpenAIHandoffInputData(parsing: jsonText))
    /// ```
    public func apply(to data: OpenAIHandoffInputData) -> OpenAIHandoffInputData {
        var result = data
        switch data.inputHistory {
        case .text(let text): result.inputHistory = .text(scope.contains(.messages) ? redact(text) : text)
        case .items(let items): result.inputHistory = .items(items.map(redact(item:)))
        }
        result.preHandoffItems = data.preHandoffItems.map(redact(runItem:))
        result.newItems = data.newItems.map(redact(runItem:))
        result.inputItems = data.inputItems?.map(redact(runItem:))
        return result
    }

    private func redact(runItem: OpenAIRunItem) -> OpenAIRunItem {
        var copy = runItem
        copy.item = redact(item: runItem.item)
        return copy
    }

    /// One item with the text in ``scope`` redacted.
    public func redact(item: OrderedJSON) -> OrderedJSON {
        var item = item
        let type = item["type"]?.stringValue
        if let type, OpenAIRunItem.toolCallOutputTypes.contains(type) {
            if scope.contains(.toolOutputs), let output = item["output"] {
                item["output"] = redact(value: output, partFields: ["text", "stdout", "stderr"])
            }
        } else if type == "message" || (type == nil && item["role"]?.stringValue != nil) {
            if scope.contains(.messages), let content = item["content"] { item["content"] = redact(value: content, partFields: ["text", "refusal"]) }
        } else if type == "reasoning" {
            guard scope.contains(.reasoning) else { return item }
            for field in ["summary", "content"] {
                if let parts = item[field], parts.arrayValue != nil { item[field] = redact(value: parts, partFields: ["text"]) }
            }
        } else {
            if scope.contains(.toolArguments) {
                if let arguments = item["arguments"]?.stringValue { item["arguments"] = .string(redact(arguments)) }
                if type == "custom_tool_call", let input = item["input"]?.stringValue { item["input"] = .string(redact(input)) }
            }
            if scope.contains(.toolOutputs), type == "mcp_call", let output = item["output"]?.stringValue {
                item["output"] = .string(redact(output))
            }
        }
        return item
    }

    private func redact(value: OrderedJSON, partFields: [String]) -> OrderedJSON {
        switch value {
        case .string(let text): return .string(redact(text))
        case .array(let parts):
            return .array(parts.map { part in
                var part = part
                for field in partFields {
                    if let text = part[field]?.stringValue { part[field] = .string(redact(text)) }
                }
                return part
            })
        default: return value
        }
    }
}

/// A redaction pattern that cannot be used; names its position, never echoes it (a pattern
/// may itself hold what is being redacted).
///
/// ```swift
/// catch let error as PatternRedactionError { print(error) }   // redaction pattern #1: matches the empty string
/// ```
public struct PatternRedactionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The position of the pattern in `patterns`.
    public let index: Int
    /// Why it was refused.
    public let reason: String
    /// `redaction pattern #<index>: <reason>`.
    public var description: String { "redaction pattern #\(index): \(reason)" }
}
