import HandoffRailModels

/// LangChain tools (langchain-core 1.x) with a JSON Schema `args_schema`.
///
/// - ``encode(_:)`` writes what a Python `StructuredTool(name=, description=, args_schema=<dict>,
///   func=…)` is built from: `{"name","description","args_schema"}`. `args_schema` is the tool's
///   input schema unchanged, plus `"title": <name>` when it has none (pydantic titles a function's
///   argument model with the function name, as langchain_tool_schema.json shows).
/// - ``toolCallSchema(_:)`` is that tool's `tool_call_schema`: for a dict `args_schema`,
///   LangChain returns it with `"description"` set to the tool description.
/// - ``openAITool(_:)`` is `convert_to_openai_tool(tool)`: `$ref`s inlined and `$defs` /
///   `definitions` removed (`dereference_refs`), the root `title` and `description` moved out,
///   then every `title` keyword removed except a property literally named `title` (`_rm_titles`;
///   like LangChain it does not look inside arrays such as `anyOf`). The removed keywords are
///   listed in ``EncodedTool/dropped``: they are annotations, no constraint is lost.
///
/// ```swift
/// let tool = LangChainToolEncoder().encode(ToolDefinition(.claimPacket)).json
/// // Python: StructuredTool(name=tool["name"], description=tool["description"],
/// //                        args_schema=tool["args_schema"], func=dispatch)
/// ```
public struct LangChainToolEncoder: Sendable, Hashable {
    /// An encoder.
    public init() {}

    /// `{"name","description","args_schema"}`.
    public func encode(_ tool: ToolDefinition) -> EncodedTool {
        EncodedTool(
            name: tool.name,
            json: ["name": .string(tool.name), "description": .string(tool.description), "args_schema": argsSchema(tool)])
    }

    /// The `args_schema` dict: the input schema, titled with the tool name when untitled.
    public func argsSchema(_ tool: ToolDefinition) -> JSONValue {
        guard case .object(var schema) = tool.inputSchema else { return tool.inputSchema }
        if schema["title"] == nil { schema["title"] = .string(tool.name) }
        return .object(schema)
    }

    /// `BaseTool.tool_call_schema` for a dict `args_schema`.
    public func toolCallSchema(_ tool: ToolDefinition) -> JSONValue {
        guard case .object(var schema) = argsSchema(tool) else { return argsSchema(tool) }
        if !tool.description.isEmpty { schema["description"] = .string(tool.description) }
        return .object(schema)
    }

    /// `convert_to_openai_tool(tool)`: the Chat Completions tool LangChain sends.
    public func openAITool(_ tool: ToolDefinition) throws(StrictJSONSchemaError) -> EncodedTool {
        var dropped: [DroppedSchemaKeyword] = []
        guard case .object(var schema) = try SchemaReferences.inline(toolCallSchema(tool)) else {
            throw StrictJSONSchemaError(.notASchema, at: "#", "the input schema must be a JSON object")
        }
        for keyword in ["$defs", "definitions"] where schema.removeValue(forKey: keyword) != nil {
            dropped.append(DroppedSchemaKeyword(location: "#", keyword: keyword, reason: "inlined by dereference_refs"))
        }
        let title = schema.removeValue(forKey: "title")?.stringValue ?? ""
        let description = schema.removeValue(forKey: "description")?.stringValue ?? ""
        let parameters = Self.removeTitles(.object(schema), path: [], previousKey: "", dropped: &dropped)
        let function: JSONValue = [
            "name": .string(tool.name.isEmpty ? title : tool.name),
            "description": .string(tool.description.isEmpty ? description : tool.description),
            "parameters": parameters,
        ]
        return EncodedTool(name: tool.name, json: ["type": "function", "function": function], dropped: dropped)
    }

    /// LangChain's `_rm_titles`: recurses through objects only.
    static func removeTitles(
        _ value: JSONValue, path: [String], previousKey: String, dropped: inout [DroppedSchemaKeyword]
    ) -> JSONValue {
        guard case .object(let members) = value else { return value }
        var result: [String: JSONValue] = [:]
        for (key, member) in members.sorted(by: { $0.key < $1.key }) {
            if key == "title", !(member.objectValue != nil && previousKey == "properties") {
                dropped.append(DroppedSchemaKeyword(
                    location: SchemaPointer.fragment(path), keyword: "title",
                    reason: "convert_to_openai_tool removes titles (an annotation)"))
                continue
            }
            result[key] = member.objectValue != nil
                ? removeTitles(member, path: path + [key], previousKey: key, dropped: &dropped) : member
        }
        return .object(result)
    }
}
