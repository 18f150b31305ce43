import HandoffRailModels

/// Google ADK transfers: `transfer_to_agent` function calls and `actions.transferToAgent`.
///
/// ADK records one transfer twice: the model's `transfer_to_agent(agent_name=…)` call, then
/// the tool's response event whose `actions.transferToAgent` names the agent. They are one
/// intent (joined by the function-call id) with both events as source items; an action
/// without a call (a transfer made by a callback) is an intent of its own. The author of the
/// calling event is kept as `attributes["from_agent"]`.
///
/// ```swift
/// let intents = try GoogleADKTransferDecoder().decode(sessionEvents)   // [billing_agent]
/// ```
public struct GoogleADKTransferDecoder: HandoffSignalDecoder {
    public let framework = AgentFramework.googleADK
    /// ADK's transfer tool name.
    public static let toolName = "transfer_to_agent"

    /// A decoder.
    public init() {}

    public func decode(_ native: JSONValue) throws(ConversationCodecError) -> [HandoffIntent] {
        let events = try NativeReader.array(native, at: "$", expected: "an array of ADK events")
        var intents: [HandoffIntent] = []
        var indexByCall: [String: Int] = [:]
        for event in events {
            let parts = event["content"]?["parts"]?.arrayValue ?? []
            var answered: Int?
            for part in parts {
                if let call = part["functionCall"], call["name"]?.stringValue == Self.toolName,
                    let target = call["args"]?["agent_name"]?.stringValue
                {
                    if let id = call["id"]?.stringValue { indexByCall[id] = intents.count }
                    var attributes: [String: JSONValue] = ["arguments": call["args"] ?? [:]]
                    if let author = event["author"] { attributes["from_agent"] = author }
                    intents.append(HandoffIntent(
                        framework: framework, signal: .transferToolCall, targetAgent: target, attributes: attributes, sourceItems: [event]))
                } else if let id = part["functionResponse"]?["id"]?.stringValue, let index = indexByCall[id] {
                    answered = index
                }
            }
            if let index = answered {
                intents[index].sourceItems.append(event)
            }
            guard let target = event["actions"]?["transferToAgent"]?.stringValue else { continue }
            if let index = answered {
                intents[index].targetAgent = target  // the action is what ADK executes
            } else if !intents.contains(where: { $0.sourceItems.contains(event) }) {
                var attributes: [String: JSONValue] = [:]
                if let author = event["author"] { attributes["from_agent"] = author }
                intents.append(HandoffIntent(
                    framework: framework, signal: .transferAction, targetAgent: target, attributes: attributes, sourceItems: [event]))
            }
        }
        return intents
    }
}
