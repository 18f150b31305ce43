import HandoffRailModels

/// One tool definition in a framework's JSON, with what the encoder had to leave out.
///
/// ```swift
/// let tool = OpenAIToolEncoder(api: .responses).encode(ToolDefinition(.createPacket))
/// tool.strict            // false: context.custom is a free-form object
/// tool.strictRefusal     // additionalProperties allowed at #/properties/context/properties/custom: …
/// ```
public struct EncodedTool: Sendable, Hashable {
    /// The tool's name as the model sees it.
    public var name: String
    /// The framework's tool definition.
    public var json: JSONValue
    /// OpenAI strict mode in effect; `nil` where the framework has no such flag.
    public var strict: Bool?
    /// Why strict mode was not possible, when it was wanted but the schema has no strict form.
    public var strictRefusal: StrictJSONSchemaError?
    /// Schema keywords the encoder removed because the target cannot express them.
    public var dropped: [DroppedSchemaKeyword]

    /// An encoded tool.
    public init(
        name: String, json: JSONValue, strict: Bool? = nil, strictRefusal: StrictJSONSchemaError? = nil,
        dropped: [DroppedSchemaKeyword] = []
    ) {
        self.name = name
        self.json = json
        self.strict = strict
        self.strictRefusal = strictRefusal
        self.dropped = dropped
    }
}

/// A schema keyword an encoder removed, and where (never silently).
///
/// ```swift
/// DroppedSchemaKeyword(location: "#/properties/summary", keyword: "title", reason: "…")
/// ```
public struct DroppedSchemaKeyword: Sendable, Hashable, CustomStringConvertible {
    /// JSON Pointer fragment of the schema that held it, in the input schema.
    public var location: String
    /// The keyword (`title`, `$defs`, …).
    public var keyword: String
    /// Why the target does without it.
    public var reason: String

    /// A dropped keyword.
    public init(location: String, keyword: String, reason: String) {
        self.location = location
        self.keyword = keyword
        self.reason = reason
    }

    public var description: String { "\(keyword) at \(location): \(reason)" }
}
