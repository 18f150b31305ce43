import HandoffRailModels

/// A handoff an agent asked for, decoded from its framework's own signal.
///
/// Frameworks signal a handoff differently (a `transfer_to_<agent>` tool call, an ADK
/// `transferToAgent` action, a webagents `__HANDOFF_REQUEST__:` marker, a finished CrewAI
/// task); a ``HandoffSignalDecoder`` turns each into this value. It is only a value: build
/// the create request with ``packetCreate(from:conversation:tags:)`` and send it when you
/// choose.
///
/// ```swift
/// let intents = try OpenAIAgentsHandoffDecoder().decode(newItems)
/// let create = intents[0].packetCreate(from: me, conversation: turns)
/// ```
public struct HandoffIntent: Sendable, Hashable {
    /// The form the signal took.
    public enum Signal: String, Sendable, Hashable, CaseIterable {
        /// A `transfer_to_<agent>` (or configured) handoff tool call.
        case transferToolCall = "transfer_tool_call"
        /// An ADK `actions.transferToAgent` without a matching tool call.
        case transferAction = "transfer_action"
        /// A webagents `__HANDOFF_REQUEST__:<target>` tool result.
        case handoffRequestMarker = "handoff_request_marker"
        /// A CrewAI task finished and its route names the next agent.
        case taskCompletion = "task_completion"
    }

    /// The framework that signalled.
    public var framework: AgentFramework
    /// How it signalled.
    public var signal: Signal
    /// The target agent as the framework names it (`refund_agent`, `billing_agent`).
    public var targetAgent: String
    /// A display name for the target when the signal gives one (`Refund Agent`).
    public var targetDisplayName: String?
    /// Why, when the signal says (a `reason` argument, the webagents handoff description).
    public var reason: String?
    /// A summary of the work so far, when the signal carries one.
    public var summary: String?
    /// The packet priority, when the signal carries one of `low|normal|high|critical`.
    public var priority: Priority?
    /// Framework data carried verbatim: tool arguments, webagents `@handoff` metadata, task fields.
    public var attributes: [String: JSONValue]
    /// The native items that made up the signal, unchanged.
    public var sourceItems: [JSONValue]

    /// An intent; decoders create these.
    public init(
        framework: AgentFramework, signal: Signal, targetAgent: String, targetDisplayName: String? = nil,
        reason: String? = nil, summary: String? = nil, priority: Priority? = nil,
        attributes: [String: JSONValue] = [:], sourceItems: [JSONValue] = []
    ) {
        self.framework = framework
        self.signal = signal
        self.targetAgent = targetAgent
        self.targetDisplayName = targetDisplayName
        self.reason = reason
        self.summary = summary
        self.priority = priority
        self.attributes = attributes
        self.sourceItems = sourceItems
    }

    /// A packet priority from a signal value: `"high"`, `"HIGH"` → `.high`; anything else
    /// (numbers, other words) is not a packet priority and gives `nil`.
    public static func packetPriority(from value: JSONValue?) -> Priority? {
        guard let text = value?.stringValue?.lowercased() else { return nil }
        let priority = Priority(rawValue: text)
        return Priority.allCases.contains(priority) ? priority : nil
    }
}
