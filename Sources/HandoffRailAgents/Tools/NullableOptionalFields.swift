import HandoffRailModels

/// Optional fields made nullable, the way OpenAI's structured-outputs guide emulates optional
/// parameters in strict mode ("use a union type with `null`").
///
/// Strict mode requires every property (``StrictJSONSchema`` rule 6), so a field that was
/// optional must then always be filled. The SDK leaves that to the schema's author; this is
/// the author's side, opt-in through ``OpenAIToolEncoder/OptionalFields/nullable``:
/// for every property not in its object's `required`, recursively (`properties`, `items`,
/// `anyOf`/`oneOf`/`allOf` variants, `$defs`, `definitions`):
/// - `"type": T` → `"type": [T, "null"]` (a type list gets `"null"` appended), and an `enum`
///   gets `null` as a member so the enum still admits it;
/// - a schema without `type` (`anyOf`, `$ref`, …) → `anyOf` gains `{"type":"null"}`, or the
///   schema is wrapped as `{"anyOf": [<schema>, {"type":"null"}]}` (annotations stay outside);
/// - a schema that already admits `null` is left alone.
///
/// The model then answers `null` for "not given"; ``ToolDispatcher`` drops a `null` that the
/// spec schema does not admit for an optional member, so the request is the same as if the
/// field had been left out.
///
/// ```swift
/// let strict = try StrictJSONSchema.convert(NullableOptionalFields.apply(ToolSpec.listPackets.inputSchema))
/// strict["properties"]?["cursor"]?["type"]   // ["string", "null"]
/// ```
public enum NullableOptionalFields {
    /// `schema` with every optional property nullable.
    public static func apply(_ schema: JSONValue) -> JSONValue {
        guard case .object(var node) = schema else { return schema }
        for key in ["$defs", "definitions"] {
            if case .object(let definitions) = node[key] { node[key] = .object(definitions.mapValues(apply)) }
        }
        if case .object(let properties) = node["properties"] {
            let required = Set((node["required"]?.arrayValue ?? []).compactMap(\.stringValue))
            node["properties"] = .object(properties.reduce(into: [:]) { result, member in
                let converted = apply(member.value)
                result[member.key] = required.contains(member.key) ? converted : nullable(converted)
            })
        }
        if case .object = node["items"] { node["items"] = apply(node["items"]!) }
        for key in ["anyOf", "oneOf", "allOf"] {
            if case .array(let variants) = node[key] { node[key] = .array(variants.map(apply)) }
        }
        return .object(node)
    }

    /// Annotations kept on the outside when a schema is wrapped in `anyOf`.
    static let annotations: Set<String> = ["title", "description", "default", "examples", "deprecated"]

    /// `schema` admitting `null`.
    static func nullable(_ schema: JSONValue) -> JSONValue {
        guard case .object(var node) = schema, !admitsNull(node) else { return schema }
        switch node["type"] {
        case .string(let type)?:
            node["type"] = [.string(type), "null"]
        case .array(let types)?:
            node["type"] = .array(types + ["null"])
        default:
            if case .array(let variants) = node["anyOf"] {
                node["anyOf"] = .array(variants + [["type": "null"]])
                return .object(node)
            }
            let outside = node.filter { annotations.contains($0.key) }
            let inside = node.filter { !annotations.contains($0.key) }
            return .object(outside.merging(["anyOf": [.object(inside), ["type": "null"]]]) { current, _ in current })
        }
        if case .array(let values) = node["enum"] { node["enum"] = .array(values + [.null]) }
        return .object(node)
    }

    /// Already nullable: a `null` type, a `null` enum member or `{"type":"null"}` variant.
    static func admitsNull(_ node: [String: JSONValue]) -> Bool {
        if node["type"] == "null" || node["type"]?.arrayValue?.contains("null") == true { return true }
        if node["enum"]?.arrayValue?.contains(.null) == true { return true }
        for key in ["anyOf", "oneOf"] where node[key]?.arrayValue?.contains(where: { $0["type"] == "null" }) == true {
            return true
        }
        return node.isEmpty
    }
}
