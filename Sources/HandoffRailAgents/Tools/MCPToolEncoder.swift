import HandoffRailModels

/// Turns a generated ``ToolSpec`` into a Model Context Protocol `Tool` (the objects a server
/// lists in its `tools/list` result, MCP specification 2025-11-25).
///
/// ```swift
/// let tool = MCPToolEncoder.encode(.claimPacket)
/// tool["name"]                              // "handoffrail_claim_packet"
/// tool["annotations"]?["idempotentHint"]    // true
/// ```
///
/// What it writes, and why:
/// - `name`, `description` and `inputSchema` come from the spec as generated (the input schema
///   already leaves out the identity fields the server fills in).
/// - `title` is the operation id in words (`claimPacket` → "Claim packet"), for client UIs.
/// - `outputSchema` only when the spec's result schema is an object schema (`"type": "object"`):
///   MCP requires an output schema to describe an object, and a client validates every
///   `structuredContent` against it. A tool without one still answers with its JSON as text.
/// - `annotations` (hints for clients, never a guarantee): `readOnlyHint: true` for `GET`;
///   otherwise `readOnlyHint: false` with `destructiveHint` (may it overwrite existing state?)
///   and `idempotentHint` (does repeating the same call change nothing more?) as true to the
///   operation — see ``annotations(for:)``. `openWorldHint` is `false` for every tool: they
///   only reach the configured HandoffRail server.
public enum MCPToolEncoder {
    /// The MCP `Tool` object for `spec`.
    public static func encode(_ spec: ToolSpec) -> JSONValue {
        var tool: [String: JSONValue] = [
            "name": .string(spec.name),
            "title": .string(title(for: spec)),
            "description": .string(spec.description),
            "inputSchema": spec.inputSchema,
            "annotations": annotations(for: spec),
        ]
        if let outputSchema = outputSchema(for: spec) {
            tool["outputSchema"] = outputSchema
        }
        return .object(tool)
    }

    /// The tools of `specs`, in order (a `tools/list` result's `tools`).
    public static func encode(_ specs: [ToolSpec]) -> [JSONValue] {
        specs.map { encode($0) }
    }

    /// The MCP `Tool` for a definition with no API operation behind it, such as the
    /// `transfer_to_<agent>` tool of a ``HandoffTarget``: `name`, `description` and
    /// `inputSchema` only — no `outputSchema` and no hints, since nothing is known of its result
    /// or effects. Nothing is dropped: MCP takes any object input schema as it is.
    ///
    /// ```swift
    /// MCPToolEncoder.encode(ToolDefinition(handoffTo: HandoffTarget(agentName: "Refund Agent"))).name
    /// // "transfer_to_refund_agent"
    /// ```
    public static func encode(_ tool: ToolDefinition) -> EncodedTool {
        EncodedTool(name: tool.name, json: [
            "name": .string(tool.name),
            "description": .string(tool.description),
            "inputSchema": tool.inputSchema,
        ])
    }

    /// The spec's result schema when MCP accepts it as an `outputSchema` (an object schema),
    /// else `nil`. When it is non-nil, a call result must carry a conforming `structuredContent`.
    public static func outputSchema(for spec: ToolSpec) -> JSONValue? {
        // (Not a `?:` with `nil`: JSONValue is ExpressibleByNilLiteral, that nil would be `.null`.)
        guard isObjectSchema(spec.outputSchema) else { return Optional.none }
        return spec.outputSchema
    }

    /// "Claim packet" for `claimPacket`: the operation id split at its capitals, first word
    /// capitalised, the others lowercased.
    public static func title(for spec: ToolSpec) -> String {
        var words: [String] = []
        var current = ""
        for character in spec.operationID {
            if character.isUppercase, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        guard let first = words.first else { return spec.name }
        let rest = words.dropFirst().map { $0.lowercased() }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + rest).joined(separator: " ")
    }

    /// The behaviour hints of `spec`.
    ///
    /// - `GET`: `readOnlyHint: true` (the other hints only mean something for tools that write).
    /// - `POST` creating something (create, chain): additive, so `destructiveHint: false`; a
    ///   repeated call creates another packet, so `idempotentHint: false`.
    /// - `POST` moving a packet one step (claim, respond): `destructiveHint: false` (the step only
    ///   adds the claimer or the answer) and `idempotentHint: true` — the same call again is
    ///   refused with 409 (already claimed, not awaiting a human) and changes nothing.
    /// - `PATCH`: `destructiveHint: true` (it replaces status, summary and merged fields) and
    ///   `idempotentHint: false` (each update is recorded in the history; a repeated status
    ///   change is an invalid transition).
    /// - `PUT`/`DELETE`: destructive and idempotent, as HTTP defines them.
    public static func annotations(for spec: ToolSpec) -> JSONValue {
        let method = spec.method.uppercased()
        if method == "GET" || method == "HEAD" {
            return ["readOnlyHint": true, "openWorldHint": false]
        }
        let destructive: Bool
        let idempotent: Bool
        switch method {
        case "PUT", "DELETE":
            destructive = true
            idempotent = true
        case "PATCH":
            destructive = true
            idempotent = false
        default:
            destructive = false
            idempotent = stepOperations.contains(spec.operationID)
        }
        return [
            "readOnlyHint": false,
            "destructiveHint": .bool(destructive),
            "idempotentHint": .bool(idempotent),
            "openWorldHint": false,
        ]
    }

    /// `POST` operations that move an existing packet one step and refuse to repeat it.
    static let stepOperations: Set<String> = ["claimPacket", "respondToPacket"]

    /// Whether `schema` has `"type": "object"` — the MCP schema types `outputSchema` (and
    /// `inputSchema`) with exactly that literal, so a type list is not accepted.
    static func isObjectSchema(_ schema: JSONValue) -> Bool {
        schema["type"] == .string("object")
    }
}
