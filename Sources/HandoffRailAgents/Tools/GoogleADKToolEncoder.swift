import HandoffRailModels

/// Google ADK (google-adk 2.13.0) `FunctionDeclaration`s, as genai `types.FunctionDeclaration`
/// serialises them: `{"name","description","parameters_json_schema"}`.
///
/// ADK 2.x builds declarations with `parameters_json_schema` (the `JSON_SCHEMA_FOR_FUNC_DECL`
/// feature is stable and on by default; adk_transfer_to_agent_declaration.json shows it): a
/// plain JSON Schema with lowercase types, not the older `parameters` `types.Schema` with
/// `STRING`-style enums. The Gemini API takes the schema as is, so nothing is dropped.
/// For Vertex AI, ADK rewrites `Optional[X]` unions (`_sanitize_json_schema_for_vertex`):
/// an `anyOf` with exactly one `{"type":"null"}` variant becomes the other variant plus
/// `"nullable": true` (or keeps the other variants in `anyOf`, with `nullable`). ``Backend/vertexAI``
/// does the same; nothing is dropped either.
///
/// ADK's own handoff is one tool, `transfer_to_agent(agent_name)`, with the agent names as an
/// enum: ``transferToAgentDeclaration(agentNames:)``. A per-target `transfer_to_<agent>` tool
/// also encodes (``encode(_:)`` with `ToolDefinition(handoffTo:)`).
///
/// ```swift
/// let declarations = ToolDefinition.generated.map { GoogleADKToolEncoder().encode($0).json }
/// // Python: types.FunctionDeclaration.model_validate(declarations[0])
/// ```
public struct GoogleADKToolEncoder: Sendable, Hashable {
    /// Which Google backend the declarations are for.
    public enum Backend: String, Sendable, Hashable, CaseIterable {
        /// The Gemini Developer API (google-genai with an API key).
        case geminiAPI = "gemini_api"
        /// Vertex AI (google-genai with `vertexai=True`).
        case vertexAI = "vertex_ai"
    }

    /// The backend.
    public var backend: Backend

    /// An encoder for `backend`.
    public init(backend: Backend = .geminiAPI) { self.backend = backend }

    /// The declaration of `tool`.
    public func encode(_ tool: ToolDefinition) -> EncodedTool {
        let schema = backend == .vertexAI ? Self.sanitizedForVertex(tool.inputSchema) : tool.inputSchema
        return EncodedTool(
            name: tool.name,
            json: ["name": .string(tool.name), "description": .string(tool.description), "parameters_json_schema": schema])
    }

    /// ADK's `TransferToAgentTool` declaration for the agents a model may transfer to.
    public func transferToAgentDeclaration(agentNames: [String]) -> EncodedTool {
        let schema: JSONValue = [
            "properties": [
                "agent_name": ["title": "Agent Name", "type": "string", "enum": .array(agentNames.map { .string($0) })]
            ],
            "required": ["agent_name"],
            "title": "transfer_to_agentParams",
            "type": "object",
        ]
        return encode(ToolDefinition(name: "transfer_to_agent", description: Self.transferToAgentDescription, inputSchema: schema))
    }

    /// ADK's description of `transfer_to_agent` without a transfer reason (`_DOCSTRING_WITHOUT_REASON`).
    public static let transferToAgentDescription = """
        Transfer the query to another agent.

        Use this tool to hand off control to another agent that is more suitable to
        answer the user's query according to the agent's description.

        Args:
          agent_name: the agent name to transfer to.
        """

    /// `_sanitize_json_schema_for_vertex`: children first, then `_flatten_optional_any_of`.
    static func sanitizedForVertex(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items): return .array(items.map(sanitizedForVertex))
        case .object(let members): return flattenOptionalAnyOf(members.mapValues(sanitizedForVertex))
        default: return value
        }
    }

    private static func flattenOptionalAnyOf(_ schema: [String: JSONValue]) -> JSONValue {
        guard case .array(let variants) = schema["anyOf"], variants.count >= 2 else { return .object(schema) }
        let nulls = variants.filter { $0["type"] == "null" && $0.objectValue != nil }
        guard nulls.count == 1 else { return .object(schema) }
        let others = variants.filter { !nulls.contains($0) }
        if others.count == 1, case .object(var flattened) = others[0] {
            for (key, value) in schema where key != "anyOf" && flattened[key] == nil { flattened[key] = value }
            flattened["nullable"] = true
            return .object(flattened)
        }
        var flattened = schema
        flattened["anyOf"] = .array(others)
        flattened["nullable"] = true
        return .object(flattened)
    }
}
