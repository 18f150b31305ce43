import HandoffRailModels

/// OpenAI function tools and handoff tools, as the OpenAI Agents SDK (0.24.0) sends them.
///
/// Two shapes:
/// - Responses API (`Converter._convert_function_tool` / `_convert_handoff_tool`):
///   `{"type":"function","name","description","parameters","strict"}`;
/// - Chat Completions (`ChatCmplConverter.tool_to_openai` / `convert_handoff_tool`):
///   `{"type":"function","function":{"name","description","parameters","strict"}}`.
///
/// Function tools are strict when ``StrictJSONSchema`` accepts their schema (the SDK's
/// `FunctionTool(strict_json_schema=True)`); otherwise — `handoffrail_create_packet`,
/// `…_update_packet` and `…_chain_packet`, whose `context.custom` is a free-form object —
/// they go out with `strict: false` and the original schema (the SDK's
/// `strict_json_schema=False`), and ``EncodedTool/strictRefusal`` says why. Handoff tools are
/// always strict, as in the SDK (`handoff()` always runs `ensure_strict_json_schema`); a target
/// input without a strict form throws, as the SDK raises.
///
/// Strict mode makes every field required. Mirroring the SDK, a field that was optional keeps
/// its type, so the model must invent a value (`handoffrail_list_packets` then needs every
/// filter). `optionalFields: .nullable` applies ``NullableOptionalFields`` first — OpenAI's
/// recommended `[T, "null"]` — and the dispatcher drops those nulls.
///
/// ```swift
/// let encoder = OpenAIToolEncoder(api: .chatCompletions)
/// let tools = ToolDefinition.generated.map { encoder.encode($0).json }
/// let transfer = try encoder.handoffTool(HandoffTarget(agentName: "Refund Agent")).json
/// ```
public struct OpenAIToolEncoder: Sendable, Hashable {
    /// Which OpenAI API the tool list is for.
    public enum API: String, Sendable, Hashable, CaseIterable {
        /// The Responses API: `{"type": "function", "name", "description", "parameters", "strict"}`.
        case responses
        /// Chat Completions: `{"type": "function", "function": {"name", "description", "parameters", "strict"}}`.
        case chatCompletions = "chat_completions"
    }

    /// Whether function tools use strict mode.
    public enum StrictMode: Sendable, Hashable {
        /// Strict when the schema allows it, else `strict: false` with the original schema.
        case whenCompatible
        /// Never strict (`strict_json_schema=False` for every tool).
        case disabled
    }

    /// What strict mode does with fields that were optional.
    public enum OptionalFields: Sendable, Hashable {
        /// As the SDK: they become required with their type unchanged, so the model must fill them.
        case requiredAsDeclared
        /// First made nullable (``NullableOptionalFields``), so the model can answer `null`.
        case nullable
    }

    /// The target API.
    public var api: API
    /// The strict-mode policy for function tools.
    public var strictMode: StrictMode
    /// How optional fields enter strict schemas (function tools only; handoff inputs are the SDK's).
    public var optionalFields: OptionalFields

    /// An encoder for `api`; by default exactly the SDK's behaviour.
    public init(api: API, strictMode: StrictMode = .whenCompatible, optionalFields: OptionalFields = .requiredAsDeclared) {
        self.api = api
        self.strictMode = strictMode
        self.optionalFields = optionalFields
    }

    /// The function tool for `tool`.
    public func encode(_ tool: ToolDefinition) -> EncodedTool {
        guard strictMode == .whenCompatible else {
            return EncodedTool(name: tool.name, json: shape(tool, parameters: tool.inputSchema, strict: false), strict: false)
        }
        do {
            let source = optionalFields == .nullable ? NullableOptionalFields.apply(tool.inputSchema) : tool.inputSchema
            let strict = try StrictJSONSchema.convert(source)
            return EncodedTool(name: tool.name, json: shape(tool, parameters: strict, strict: true), strict: true)
        } catch {
            return EncodedTool(
                name: tool.name, json: shape(tool, parameters: tool.inputSchema, strict: false), strict: false,
                strictRefusal: error)
        }
    }

    /// The function tool for a generated spec.
    public func encode(_ spec: ToolSpec) -> EncodedTool { encode(ToolDefinition(spec)) }

    /// The handoff tool for `target` (`transfer_to_<agent>`, always strict).
    public func handoffTool(_ target: HandoffTarget) throws(StrictJSONSchemaError) -> EncodedTool {
        let tool = ToolDefinition(handoffTo: target)
        let parameters = try StrictJSONSchema.convert(tool.inputSchema)
        return EncodedTool(name: tool.name, json: shape(tool, parameters: parameters, strict: true), strict: true)
    }

    /// The API's JSON for one function.
    func shape(_ tool: ToolDefinition, parameters: JSONValue, strict: Bool) -> JSONValue {
        let function: [String: JSONValue] = [
            "name": .string(tool.name), "description": .string(tool.description), "parameters": parameters,
            "strict": .bool(strict),
        ]
        switch api {
        case .responses: return .object(function.merging(["type": "function"]) { current, _ in current })
        case .chatCompletions: return ["type": "function", "function": .object(function)]
        }
    }
}
