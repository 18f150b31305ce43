/// Why a JSON Schema cannot be made strict, and where.
///
/// Mirrors the `UserError`s of the OpenAI Agents SDK's `ensure_strict_json_schema`
/// (openai-agents 0.24.0, `agents/strict_schema.py`), plus the JSON location the SDK leaves out.
/// The description names keywords and the location, never schema values.
///
/// ```swift
/// do { _ = try StrictJSONSchema.convert(ToolSpec.createPacket.inputSchema) }
/// catch { print(error) }
/// // additionalProperties allowed at #/properties/context/properties/custom: …
/// ```
public struct StrictJSONSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of refusal; compare with the static members.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let name: String
        /// An object allows undeclared members (`additionalProperties` other than `false`).
        public static let additionalPropertiesAllowed = Code(name: "additionalProperties allowed")
        /// A `$ref` has siblings that constrain values (anything but annotations and `$defs`).
        public static let refWithConstrainingSiblings = Code(name: "$ref with constraining siblings")
        /// A singleton `allOf` conflicts with keywords of its parent.
        public static let incompatibleAllOf = Code(name: "incompatible singleton allOf")
        /// A `$ref` cannot be resolved against the document root (not `#/…`, missing, not an object).
        public static let unresolvableRef = Code(name: "unresolvable $ref")
        /// A chain of `$ref`s loops.
        public static let circularRef = Code(name: "circular $ref chain")
        /// A `$ref` inside or into a nested `$id` resource.
        public static let nestedResourceRef = Code(name: "$ref across a nested $id resource")
        /// The root is not a plain object schema (root `anyOf`, or a nullable/union root type).
        public static let invalidRoot = Code(name: "invalid strict root")
        /// A value where a schema object is required is something else.
        public static let notASchema = Code(name: "not a schema object")
        /// Deeper than 100 nested containers.
        public static let tooDeep = Code(name: "schema too deeply nested")
        /// More than 100 000 schema nodes would be expanded (a `$ref` fan-out).
        public static let tooLarge = Code(name: "schema too large")

        public var description: String { name }
    }

    /// The kind of refusal.
    public var code: Code
    /// JSON Pointer fragment of the offending schema (`#` is the root, `#/properties/custom`).
    public var location: String
    /// What the SDK says about it (keyword names only).
    public var reason: String

    /// An error at `location`.
    public init(_ code: Code, at location: String, _ reason: String) {
        self.code = code
        self.location = location
        self.reason = reason
    }

    public var description: String { "\(code) at \(location): \(reason)" }
}
