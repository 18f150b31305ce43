import HandoffRailModels

/// OpenAI Agents SDK handoffs: `function_call` items of a handoff tool.
///
/// The SDK names a handoff tool `transfer_to_<agent snake name>` unless `handoff()` was given
/// `tool_name_override`; list such names in `handoffTools` (tool name → target agent). The
/// call's JSON arguments (a typed `input_type`) ride verbatim in `attributes["arguments"]`;
/// their `reason`, `summary` and `priority` members fill the intent. The matching
/// `function_call_output` (`{"assistant": "Refund Agent"}`) gives the target's display name.
/// Accepts an item list or a `HandoffInputData` object.
///
/// ```swift
/// let decoder = OpenAIAgentsHandoffDecoder(handoffTools: ["escalate_to_refunds": "refund_agent"])
/// let intents = try decoder.decode(handoffInputData)
/// ```
public struct OpenAIAgentsHandoffDecoder: HandoffSignalDecoder {
    public let framework = AgentFramework.openAIAgents
    /// Handoff tools with overridden names, mapped to their target agents.
    public var handoffTools: [String: String]

    /// A decoder; `transfer_to_*` tools are always recognised.
    public init(handoffTools: [String: String] = [:]) {
        self.handoffTools = handoffTools
    }

    public func decode(_ native: JSONValue) throws(ConversationCodecError) -> [HandoffIntent] {
        let items = try Self.items(of: native)
        var intents: [HandoffIntent] = []
        var indexByCall: [String: Int] = [:]
        for item in items {
            if item["type"] == "function_call", let name = item["name"]?.stringValue,
                let target = handoffTools[name] ?? TransferToolName.target(of: name)
            {
                let arguments = TurnText.parsedArguments(item["arguments"]?.stringValue ?? "{}")
                if let callID = item["call_id"]?.stringValue { indexByCall[callID] = intents.count }
                intents.append(HandoffIntent(
                    framework: framework, signal: .transferToolCall, targetAgent: target,
                    reason: arguments["reason"]?.stringValue, summary: arguments["summary"]?.stringValue,
                    priority: HandoffIntent.packetPriority(from: arguments["priority"]),
                    attributes: ["tool_name": .string(name), "arguments": arguments], sourceItems: [item]))
            } else if item["type"] == "function_call_output", let callID = item["call_id"]?.stringValue,
                let index = indexByCall[callID]
            {
                intents[index].sourceItems.append(item)
                let output = item["output"]?.stringValue.map(TurnText.parsedArguments)
                if let name = output?["assistant"]?.stringValue { intents[index].targetDisplayName = name }
            }
        }
        return intents
    }

    /// The items of a list, or of every list of a `HandoffInputData` in order.
    private static func items(of native: JSONValue) throws(ConversationCodecError) -> [JSONValue] {
        if let items = native.arrayValue { return items }
        let data = try NativeReader.object(native, at: "$", expected: "an array of input items or a HandoffInputData object")
        return HandoffInputDataLayout.segments.flatMap { data[$0]?.arrayValue ?? [] }
    }
}
