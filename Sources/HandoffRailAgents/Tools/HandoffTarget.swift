import HandoffRailModels

/// An agent a model may hand off to, as a tool the model calls (`transfer_to_<agent>`).
///
/// Names and descriptions follow openai-agents 0.24.0 `Handoff.default_tool_name` and
/// `default_tool_description` exactly, so a Swift-built tool list matches what the Python
/// SDK would send for the same agents:
/// - name: `transfer_to_` + the agent name with every whitespace or character outside
///   `[A-Za-z0-9_]` replaced by `_`, lowercased (``OpenAIToolName/functionStyle(_:)``);
/// - description: `"Handoff to the {agent name} agent to handle the request. {handoff description}"`
///   — with an empty handoff description the text ends in a space, as in the SDK.
///
/// ```swift
/// let refunds = HandoffTarget(agentName: "Refund Agent", handoffDescription: "Handles refunds and chargebacks.")
/// refunds.toolName          // "transfer_to_refund_agent"
/// let billing = HandoffTarget(agentName: "BillingBot", input: .packet)   // typed packet input
/// ```
public struct HandoffTarget: Sendable, Hashable {
    /// What the model passes when it hands off.
    public enum Input: Sendable, Hashable {
        /// Nothing (the SDK's default handoff).
        case noInput
        /// ``HandoffPacketInput``: summary, priority, tags, pending actions, HITL question.
        case packet
        /// Any other JSON Schema (an object schema, as pydantic would write it).
        case custom(JSONValue)

        /// The schema before strict conversion.
        public var schema: JSONValue {
            switch self {
            case .noInput: return ["type": "object", "properties": [:]]
            case .packet: return HandoffPacketInput.schema
            case .custom(let schema): return schema
            }
        }
    }

    /// The target agent's name (`Agent.name`).
    public var agentName: String
    /// `Agent.handoff_description`, appended to the tool description.
    public var handoffDescription: String?
    /// The handoff's input.
    public var input: Input
    /// `tool_name_override`.
    public var toolNameOverride: String?
    /// `tool_description_override`.
    public var toolDescriptionOverride: String?

    /// A target; without overrides the SDK's defaults apply.
    public init(
        agentName: String, handoffDescription: String? = nil, input: Input = .noInput,
        toolNameOverride: String? = nil, toolDescriptionOverride: String? = nil
    ) {
        self.agentName = agentName
        self.handoffDescription = handoffDescription
        self.input = input
        self.toolNameOverride = toolNameOverride
        self.toolDescriptionOverride = toolDescriptionOverride
    }

    /// The tool name: the override, else `transfer_to_<function-style agent name>`.
    public var toolName: String {
        toolNameOverride ?? OpenAIToolName.functionStyle(TransferToolName.prefix + agentName)
    }

    /// The tool description: the override, else the SDK's default sentence.
    public var toolDescription: String {
        toolDescriptionOverride
            ?? "Handoff to the \(agentName) agent to handle the request. \(handoffDescription ?? "")"
    }
}
