import HandoffRailModels

/// Vercel AI SDK tool sets: the `tools` object of `generateText` / `streamText`, keyed by name.
///
/// - v4 (ai@4): `tool({ description, parameters: jsonSchema(schema) })` → `{"description","parameters"}`;
/// - v5 and later: `tool({ description, inputSchema: jsonSchema(schema) })` → `{"description","inputSchema"}`.
///
/// The JSON Schema goes through unchanged (`jsonSchema()` wraps it; providers receive it as is),
/// so nothing is dropped. Each value is what `jsonSchema(...)` is called with on the JS side.
///
/// ```swift
/// let tools = VercelAIToolEncoder(version: .v5).toolSet(ToolDefinition.generated)
/// // JS: Object.fromEntries(Object.entries(tools).map(([name, t]) =>
/// //       [name, tool({ description: t.description, inputSchema: jsonSchema(t.inputSchema), execute })]))
/// ```
public struct VercelAIToolEncoder: Sendable, Hashable {
    /// The AI SDK major version family.
    public enum Version: String, Sendable, Hashable, CaseIterable {
        /// ai@4: `parameters`.
        case v4
        /// ai@5 and later: `inputSchema`.
        case v5
    }

    /// Which shape to write.
    public var version: Version

    /// An encoder for `version`.
    public init(version: Version) { self.version = version }

    /// One tool's value in the tool set.
    public func encode(_ tool: ToolDefinition) -> EncodedTool {
        let schemaKey = version == .v4 ? "parameters" : "inputSchema"
        return EncodedTool(
            name: tool.name, json: ["description": .string(tool.description), .init(schemaKey): tool.inputSchema])
    }

    /// The tool set `{ name: tool }`; a later tool with the same name wins.
    public func toolSet(_ tools: [ToolDefinition]) -> JSONValue {
        .object(Dictionary(tools.map { ($0.name, encode($0).json) }, uniquingKeysWith: { _, last in last }))
    }
}
