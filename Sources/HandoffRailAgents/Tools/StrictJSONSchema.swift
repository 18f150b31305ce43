import HandoffRailModels

/// Converts a JSON Schema to OpenAI strict mode exactly as the OpenAI Agents SDK does
/// (`ensure_strict_json_schema`, openai-agents 0.24.0, `agents/strict_schema.py`).
///
/// The SDK applies it to every `FunctionTool(strict_json_schema=True)` and to every handoff
/// input; a schema it refuses is served with `strict: false` and unchanged (that is what
/// ``OpenAIToolEncoder`` does too). The rules, in the SDK's order, for every schema node:
///
/// 1. `{}` as the whole document becomes `{"type":"object","properties":{},"required":[],"additionalProperties":false}`.
/// 2. Refusals first: deeper than 100 nested containers; more than 100 000 expanded nodes;
///    a `$ref` with siblings other than annotations (`title`, `description`, `default`,
///    `examples`, `deprecated`, `readOnly`, `writeOnly`, `$comment`, `$anchor`, `$schema`,
///    `content*`, `$defs`, `definitions`; `$id` too at the root); `$ref`s in or into a
///    nested `$id` resource.
/// 3. `$defs` and `definitions` entries are converted (before anything refers to them, so a
///    later `$ref` sees the strict definition).
/// 4. No `type` but `properties` → `"type": "object"`. No `type` and an `additionalProperties`
///    other than `false` → refused.
/// 5. An object (`type` is or contains `"object"`) gets `additionalProperties: false`; one that
///    allows other members (`true`, `{}`, a schema) is refused — there is no strict form of a
///    free-form map such as `context.custom`.
/// 6. `properties` → every property is `required` and converted. **Optional fields are not made
///    nullable**: the SDK does not do it (pydantic schemas already spell `X | None` as
///    `anyOf [X, null]`), so a field that was optional becomes one the model must fill.
///    JSON objects have no member order here, so `required` lists the fields that were already
///    required in their order, then the others sorted by name (Python uses property order).
/// 7. `items` (a single schema), each `anyOf` variant and each `allOf` entry are converted;
///    `oneOf` variants are converted and appended to `anyOf` (strict mode has no `oneOf`).
/// 8. A singleton `allOf` is merged into its parent (a plain `$ref` entry is resolved first);
///    conflicting parent keywords are refused, annotations from the parent win.
/// 9. `"default": null` is removed (the field stays nullable; the model sends null).
/// 10. A `$ref` with sibling keywords is replaced by the referenced schema, siblings winning,
///     and the result converted again. A lone `$ref` stays.
/// 11. The root must be a plain object: a root `anyOf` is refused, `type: ["object"]` becomes
///     `"object"`, any other type list containing `"object"` is refused.
///
/// The SDK keeps every other keyword (`format`, `minimum`, `enum`, …) as it is, and so does this.
///
/// ```swift
/// let strict = try StrictJSONSchema.convert(ToolSpec.claimPacket.inputSchema)
/// StrictJSONSchema.isStrictCompatible(ToolSpec.createPacket.inputSchema)   // false: context.custom
/// ```
public enum StrictJSONSchema {
    /// The strict form of `schema`, or the SDK's refusal with its JSON location.
    public static func convert(_ schema: JSONValue) throws(StrictJSONSchemaError) -> JSONValue {
        try checkDepth(schema)
        guard case .object(let root) = schema else {
            throw StrictJSONSchemaError(.notASchema, at: "#", "the schema must be a JSON object")
        }
        if root.isEmpty { return emptyObjectSchema }
        let conversion = StrictSchemaConversion(root: root)
        var converted = try conversion.convert(root, path: [], depth: 1, insideNestedResource: false, isRoot: true)
        if converted["anyOf"]?.arrayValue != nil {
            throw StrictJSONSchemaError(.invalidRoot, at: "#", "the root of a strict JSON schema must not use `anyOf`")
        }
        if case .array(let types) = converted["type"], types.contains("object") {
            guard types == ["object"] else {
                throw StrictJSONSchemaError(.invalidRoot, at: "#", "the root must be a non-nullable object")
            }
            converted["type"] = "object"
        }
        return .object(converted)
    }

    /// Whether ``convert(_:)`` accepts `schema`.
    public static func isStrictCompatible(_ schema: JSONValue) -> Bool {
        (try? convert(schema)) != nil
    }

    /// What the SDK uses for a handoff or tool without input (`{}`).
    public static let emptyObjectSchema: JSONValue = [
        "additionalProperties": false, "type": "object", "properties": [:], "required": [],
    ]

    /// Upper bound of converted nodes (the SDK's `_MAX_SCHEMA_NODES`).
    static let maximumNodes = 100_000
    /// Upper bound of nested containers (the SDK's `_MAX_SCHEMA_DEPTH`).
    static let maximumDepth = 100

    /// Keywords allowed beside `$ref` because they do not constrain values.
    static let nonConstrainingRefSiblings: Set<String> = [
        "$anchor", "$comment", "$defs", "$schema", "contentEncoding", "contentMediaType", "contentSchema",
        "default", "definitions", "deprecated", "description", "examples", "readOnly", "title", "writeOnly",
    ]

    /// The SDK's up-front check: no more than ``maximumDepth`` nested objects and arrays.
    static func checkDepth(_ value: JSONValue) throws(StrictJSONSchemaError) {
        var stack: [(JSONValue, Int)] = [(value, 1)]
        while let (current, depth) = stack.popLast() {
            if depth > maximumDepth {
                throw StrictJSONSchemaError(.tooDeep, at: "#", "more than \(maximumDepth) nested containers")
            }
            switch current {
            case .object(let members): stack += members.values.filter(\.isContainer).map { ($0, depth + 1) }
            case .array(let items): stack += items.filter(\.isContainer).map { ($0, depth + 1) }
            default: break
            }
        }
    }
}

extension JSONValue {
    /// An object or an array.
    var isContainer: Bool {
        switch self {
        case .object, .array: return true
        default: return false
        }
    }
}
