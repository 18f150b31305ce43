import HandoffRailModels

/// CrewAI tools (crewai 1.15.30) as `BaseTool` serialises them and `to_structured_tool` uses them.
///
/// `BaseTool.model_dump(mode="json")` writes `args_schema` as the argument model's JSON Schema
/// (`_serialize_schema`), and the `args_schema` validator turns a dict back into a pydantic model
/// (`create_model_from_schema`), which `to_structured_tool()` hands to `CrewStructuredTool`.
/// So the portable form is `{"name","description","args_schema"}`: the input schema unchanged,
/// titled with the tool name when untitled (CrewAI names the rebuilt model after `title`,
/// else "DynamicModel").
///
/// Nothing is dropped here. On the Python side `create_model_from_schema` enforces `type`,
/// `required`, `enum`/`const`, `anyOf`/`oneOf`, `items`, nested objects, `default`, numeric
/// bounds on plain numbers, `minLength`/`maxLength`/`pattern` on plain strings and the formats
/// it maps (`date-time`, `uuid`, …); other keywords stay in the JSON but are not validated, and
/// every object with properties forbids extra members. Tool names are already CrewAI-sanitised
/// (`sanitize_tool_name`: lowercase `[a-z0-9_]`, at most 64 characters).
///
/// ```swift
/// let tool = CrewAIToolEncoder().encode(ToolDefinition(.getPacket)).json
/// // Python: class HandoffRailTool(BaseTool): … ; HandoffRailTool(**tool)
/// ```
public struct CrewAIToolEncoder: Sendable, Hashable {
    /// An encoder.
    public init() {}

    /// `{"name","description","args_schema"}`.
    public func encode(_ tool: ToolDefinition) -> EncodedTool {
        // The same `args_schema` as LangChain's: the input schema, titled with the tool name.
        EncodedTool(
            name: tool.name,
            json: ["name": .string(tool.name), "description": .string(tool.description), "args_schema": LangChainToolEncoder().argsSchema(tool)])
    }
}
