import HandoffRailModels

/// What every tool encoder needs from a tool: its name, its description for the model and the
/// JSON Schema of its arguments.
///
/// Made from a generated ``ToolSpec`` (whose input schema already leaves out the identity
/// fields the adapter fills) or from a ``HandoffTarget`` (a `transfer_to_<agent>` tool).
///
/// ```swift
/// let claim = ToolDefinition(.claimPacket)
/// let transfer = ToolDefinition(handoffTo: HandoffTarget(agentName: "Refund Agent"))
/// transfer.name   // "transfer_to_refund_agent"
/// ```
public struct ToolDefinition: Sendable, Hashable {
    /// The function name the model calls.
    public var name: String
    /// When to call it, written for a language model.
    public var description: String
    /// JSON Schema of the arguments (an object schema).
    public var inputSchema: JSONValue

    /// A tool with explicit parts.
    public init(name: String, description: String, inputSchema: JSONValue) {
        self.name = name
        self.description = description
        self.inputSchema = inputSchema
    }

    /// The tool of a generated spec.
    public init(_ spec: ToolSpec) {
        self.init(name: spec.name, description: spec.description, inputSchema: spec.inputSchema)
    }

    /// The handoff tool for `target`, named and described as the OpenAI Agents SDK does
    /// (see ``HandoffTarget``); without input its schema is the empty object schema
    /// `{"type":"object","properties":{}}`.
    public init(handoffTo target: HandoffTarget) {
        self.init(name: target.toolName, description: target.toolDescription, inputSchema: target.input.schema)
    }

    /// Every generated tool, in spec order.
    public static var generated: [ToolDefinition] { ToolSpec.generated.map(ToolDefinition.init) }
}
