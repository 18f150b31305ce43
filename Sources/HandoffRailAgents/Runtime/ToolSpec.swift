import HandoffRailModels

/// One agent tool, generated from an operation's `x-handoffrail-tool` extension.
///
/// The input schema flattens path, query and body inputs into one object with every
/// `$ref` inlined, and leaves out the identity fields (`identityFields`) that the adapter
/// fills from the agent's own identity — a model never chooses who it is.
public struct ToolSpec: Sendable, Hashable {
    /// `handoffrail_claim_packet`.
    public var name: String
    /// Written for a language model: when to call it and what it returns.
    public var description: String
    /// The spec operation it performs.
    public var operationID: String
    /// `GET`, `POST`, …
    public var method: String
    /// The path template.
    public var path: String
    /// Where each top-level argument goes in the HTTP request.
    public var bindings: [String: ToolBinding]
    /// Input paths filled from the caller's identity (`body.metadata.source_agent`).
    public var identityFields: [String]
    /// JSON Schema of the arguments.
    public var inputSchema: JSONValue
    /// JSON Schema of the result.
    public var outputSchema: JSONValue

    /// A tool; generated code creates one per `x-handoffrail-tool` operation.
    public init(
        name: String, description: String, operationID: String, method: String, path: String,
        bindings: [String: ToolBinding], identityFields: [String], inputSchema: JSONValue, outputSchema: JSONValue
    ) {
        self.name = name
        self.description = description
        self.operationID = operationID
        self.method = method
        self.path = path
        self.bindings = bindings
        self.identityFields = identityFields
        self.inputSchema = inputSchema
        self.outputSchema = outputSchema
    }
}

/// Where a tool argument goes in the HTTP request.
public enum ToolBinding: Sendable, Hashable {
    /// Fills `{name}` in the path.
    case path(String)
    /// A query parameter.
    case query(String)
    /// A header.
    case header(String)
    /// A top-level member of the JSON body.
    case body(String)
}
