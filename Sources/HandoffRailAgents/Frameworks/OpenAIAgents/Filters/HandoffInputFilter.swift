/// A handoff input filter as a value: the SDK's `HandoffInputFilter`
/// (`Callable[[HandoffInputData], HandoffInputData]`) over the JSON form.
///
/// Filters compose left to right with ``then(_:)``, like chaining `input_filter` functions by
/// hand in Python. The built-in ones are ``removeAllTools``, ``keepLast(_:dropOrphanedToolOutputs:)``,
/// ``redact(_:)`` and ``nestHandoffHistory(wrappers:historyMapper:)``.
///
/// ```swift
/// let filter = HandoffInputFilter.redact(try PatternRedaction(patterns: [#"\b\d{16}\b"#]))
///     .then(.keepLast(20))
///     .then(.nestHandoffHistory())
/// let next = try filter.apply(data)
/// ```
public struct HandoffInputFilter: Sendable {
    /// A short name for logs and test output (`remove_all_tools then nest_handoff_history`).
    public let name: String
    private let body: @Sendable (OpenAIHandoffInputData) throws -> OpenAIHandoffInputData

    /// A filter from a function.
    public init(name: String, _ body: @escaping @Sendable (OpenAIHandoffInputData) throws -> OpenAIHandoffInputData) {
        self.name = name
        self.body = body
    }

    /// Runs the filter.
    public func apply(_ data: OpenAIHandoffInputData) throws -> OpenAIHandoffInputData {
        try body(data)
    }

    /// This filter, then `next` on its result.
    public func then(_ next: HandoffInputFilter) -> HandoffInputFilter {
        let first = self
        return HandoffInputFilter(name: "\(name) then \(next.name)") { data in try next.apply(first.apply(data)) }
    }

    /// The filter that changes nothing (the neutral element of ``then(_:)``).
    public static let identity = HandoffInputFilter(name: "identity") { $0 }

    /// The SDK's `remove_all_tools` (see ``ToolItemRemoval``).
    public static let removeAllTools = HandoffInputFilter(name: "remove_all_tools") { ToolItemRemoval.apply(to: $0) }

    /// Keeps the last `count` history items (see ``KeepLastItems``).
    public static func keepLast(_ count: Int, dropOrphanedToolOutputs: Bool = true) -> HandoffInputFilter {
        let rule = KeepLastItems(count: count, dropOrphanedToolOutputs: dropOrphanedToolOutputs)
        return HandoffInputFilter(name: "keep_last_\(count)") { rule.apply(to: $0) }
    }

    /// Replaces every match of the redaction's patterns in message text and tool outputs
    /// (see ``PatternRedaction``).
    public static func redact(_ redaction: PatternRedaction) -> HandoffInputFilter {
        HandoffInputFilter(name: "redact") { redaction.apply(to: $0) }
    }

    /// The SDK's `nest_handoff_history` (see ``NestedHandoffHistory``).
    public static func nestHandoffHistory(
        wrappers: ConversationHistoryWrappers = .default,
        historyMapper: (@Sendable ([OrderedJSON]) -> [OrderedJSON])? = nil
    ) -> HandoffInputFilter {
        let nesting = NestedHandoffHistory(wrappers: wrappers, historyMapper: historyMapper)
        return HandoffInputFilter(name: "nest_handoff_history") { nesting.apply(to: $0) }
    }
}
