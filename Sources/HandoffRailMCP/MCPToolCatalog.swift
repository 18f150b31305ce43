import HandoffRailAgents
import HandoffRailModels
import MCP

/// The tools a HandoffRail MCP server lists: each ``ToolSpec`` of the dispatcher encoded by
/// ``MCPToolEncoder``, in spec order, and which of them promise structured content.
///
/// ```swift
/// let catalog = MCPToolCatalog(specs: ToolSpec.generated)
/// catalog.tools.map(\.name)   // ["handoffrail_list_packets", …]
/// ```
package struct MCPToolCatalog: Sendable {
    /// The tools as `tools/list` returns them.
    package let tools: [Tool]
    /// Names of the tools that declare an `outputSchema`: their results carry `structuredContent`.
    package let structuredToolNames: Set<String>

    /// The catalog of `specs`.
    package init(specs: [ToolSpec]) {
        tools = specs.map(Self.tool(for:))
        structuredToolNames = Set(tools.filter { $0.outputSchema != nil }.map(\.name))
    }

    /// The SDK `Tool` for `spec`, built from ``MCPToolEncoder/encode(_:)`` so that what a
    /// client lists is exactly the encoder's JSON.
    package static func tool(for spec: ToolSpec) -> Tool {
        let json = MCPToolEncoder.encode(spec)
        let annotations = json["annotations"] ?? .object([:])
        return Tool(
            name: spec.name,
            title: json["title"]?.stringValue,
            description: json["description"]?.stringValue,
            inputSchema: MCPValueBridge.value(from: json["inputSchema"] ?? .object([:])),
            annotations: Tool.Annotations(
                title: nil,
                readOnlyHint: flag(annotations["readOnlyHint"]),
                destructiveHint: flag(annotations["destructiveHint"]),
                idempotentHint: flag(annotations["idempotentHint"]),
                openWorldHint: flag(annotations["openWorldHint"])),
            outputSchema: json["outputSchema"].map(MCPValueBridge.value(from:)))
    }

    private static func flag(_ value: JSONValue?) -> Bool? {
        if case .bool(let flag)? = value { return flag }
        return nil
    }
}
