import HandoffRailModels

/// LangGraph swarm handoffs: `transfer_to_<agent>` tool calls in LangChain messages.
///
/// langgraph-swarm's `create_handoff_tool(agent_name=…)` names the tool
/// `transfer_to_<agent name>` (whitespace as `_`, lower-cased) unless given `name=`, and
/// answers the call with a ToolMessage `"Successfully transferred to <agent name>"` before
/// `Command(goto=<agent name>)`. The decoder reads `messages_to_dict` lists: the tool name
/// gives the target, and the ToolMessage, when present, the exact node name (the normalised
/// tool name may differ from it). List tools created with `name=` in `handoffTools`. The AI
/// message's `name` (the active agent) is kept as `attributes["from_agent"]`; the call's
/// arguments (swarm tools take none; custom tools may) as `attributes["arguments"]`, whose
/// `reason`, `task_description` and `priority` members fill the intent.
///
/// ```swift
/// let intents = try LangGraphSwarmHandoffDecoder().decode(stateMessages)
/// ```
public struct LangGraphSwarmHandoffDecoder: HandoffSignalDecoder {
    public let framework = AgentFramework.langGraph
    /// Handoff tools created with a custom `name`, mapped to their target agents.
    public var handoffTools: [String: String]
    /// What langgraph-swarm's handoff tool answers, before the agent name.
    public static let transferredPrefix = "Successfully transferred to "

    /// A decoder; `transfer_to_*` tools are always recognised.
    public init(handoffTools: [String: String] = [:]) {
        self.handoffTools = handoffTools
    }

    public func decode(_ native: JSONValue) throws(ConversationCodecError) -> [HandoffIntent] {
        let messages = try NativeReader.array(native, at: "$", expected: "an array of messages_to_dict messages")
        var intents: [HandoffIntent] = []
        var indexByCall: [String: Int] = [:]
        for message in messages {
            let data = message["data"]
            if let calls = data?["tool_calls"]?.arrayValue {
                for call in calls {
                    guard let name = call["name"]?.stringValue,
                        let target = handoffTools[name] ?? TransferToolName.target(of: name)
                    else { continue }
                    if let id = call["id"]?.stringValue { indexByCall[id] = intents.count }
                    let arguments = call["args"] ?? [:]
                    var attributes: [String: JSONValue] = ["tool_name": .string(name), "arguments": arguments]
                    if let agent = data?["name"]?.stringValue { attributes["from_agent"] = .string(agent) }
                    intents.append(HandoffIntent(
                        framework: framework, signal: .transferToolCall, targetAgent: target,
                        reason: arguments["reason"]?.stringValue, summary: arguments["task_description"]?.stringValue,
                        priority: HandoffIntent.packetPriority(from: arguments["priority"]),
                        attributes: attributes, sourceItems: [message]))
                }
            } else if message["type"] == "tool", let id = data?["tool_call_id"]?.stringValue, let index = indexByCall[id] {
                intents[index].sourceItems.append(message)
                if let content = data?["content"]?.stringValue, content.hasPrefix(Self.transferredPrefix) {
                    let node = String(content.dropFirst(Self.transferredPrefix.count))
                    if !node.isEmpty { intents[index].targetAgent = node }
                }
            }
        }
        return intents
    }
}
