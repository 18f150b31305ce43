import HandoffRailModels

/// webagents dynamic handoffs: tool results `__HANDOFF_REQUEST__:<target>`.
///
/// A webagents tool asks for a handoff by returning `request_handoff(target)`, the string
/// `__HANDOFF_REQUEST__:<target>`; the agent then switches to the registered handoff of that
/// target. Reads chat messages (a list, or one message) and, for each marker, the tool call
/// that produced it. When the agent's handoffs are given (webagents `Handoff` objects as JSON:
/// `{"target", "description", "scope", "metadata": {"priority": 20, …}}`, i.e. what
/// `@handoff(name, prompt, scope, priority)` registers), the matching one rides verbatim in
/// `attributes["handoff"]` and its description becomes the reason. webagents' numeric
/// priority orders handlers (lower runs first); it is not a packet priority, so it is carried
/// verbatim (`attributes["priority"]`) and never mapped to `low…critical`.
///
/// ```swift
/// let decoder = WebAgentsHandoffDecoder(handoffs: [["target": "specialist", "description": "…", "metadata": ["priority": 20]]])
/// let intents = try decoder.decode(messages)
/// ```
public struct WebAgentsHandoffDecoder: HandoffSignalDecoder {
    public let framework = AgentFramework.webAgents
    /// The marker prefix webagents' `Skill.request_handoff` returns.
    public static let marker = "__HANDOFF_REQUEST__:"
    /// The agent's registered handoffs, by target.
    public var handoffs: [String: JSONValue]

    /// A decoder; `handoffs` are webagents `Handoff` objects as JSON (without `function`).
    public init(handoffs: [JSONValue] = []) {
        var byTarget: [String: JSONValue] = [:]
        for handoff in handoffs {
            if let target = handoff["target"]?.stringValue { byTarget[target] = handoff }
        }
        self.handoffs = byTarget
    }

    public func decode(_ native: JSONValue) throws(ConversationCodecError) -> [HandoffIntent] {
        let messages: [JSONValue]
        if let list = native.arrayValue {
            messages = list
        } else {
            _ = try NativeReader.object(native, at: "$", expected: "a chat message or an array of them")
            messages = [native]
        }
        var callsByID: [String: JSONValue] = [:]
        var intents: [HandoffIntent] = []
        for message in messages {
            for call in message["tool_calls"]?.arrayValue ?? [] {
                if let id = call["id"]?.stringValue { callsByID[id] = message }
            }
            guard let content = message["content"]?.stringValue, content.hasPrefix(Self.marker) else { continue }
            let target = String(content.dropFirst(Self.marker.count))
            guard !target.isEmpty else { continue }
            var sources = [message]
            if let id = message["tool_call_id"]?.stringValue, let call = callsByID[id] { sources.insert(call, at: 0) }
            intents.append(intent(target: target, sources: sources))
        }
        return intents
    }

    private func intent(target: String, sources: [JSONValue]) -> HandoffIntent {
        var attributes: [String: JSONValue] = [:]
        let handoff = handoffs[target]
        if let handoff {
            attributes["handoff"] = handoff
            if let priority = handoff["metadata"]?["priority"] ?? handoff["priority"] { attributes["priority"] = priority }
        }
        let reason = handoff?["description"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        return HandoffIntent(
            framework: framework, signal: .handoffRequestMarker, targetAgent: target, reason: reason,
            attributes: attributes, sourceItems: sources)
    }
}
