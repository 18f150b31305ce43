import Foundation
import HandoffRailClient
import HandoffRailModels

/// Executes the tool calls a model makes against the HandoffRail API, as the agent the
/// adapter is configured for.
///
/// A call is a generated tool's name plus the JSON arguments the model produced. The
/// dispatcher checks them against the tool's input schema — an object, no unknown argument,
/// every required one — and applies the coercions models need: a top-level `null` means
/// "not given" (OpenAI strict mode sends one for every optional field, and `hitl: null` on
/// an update must not clear a human checkpoint), nested `null`s the schema does not admit are
/// dropped, `"5"` becomes `5` where a number is wanted, and a list becomes `a,b` for a
/// comma-separated query parameter. Deeper rules are the server's: its 422 comes back with
/// every field issue in ``ToolCallError/message``. Path arguments must be one segment (no
/// `/`, `.` or `..`) and a UUID where the schema says `format: uuid`. It then fills the
/// tool's identity fields (``ToolSpec/identityFields``: `metadata.source_agent` of a create,
/// `agent_id`/`agent_name`/`framework` of a claim, `responded_by` of a response, and in every
/// element `decisions[].decided_by` / `actions.completed[].completed_by` of a create, chain or
/// update; a checkpoint's server-owned `hitl.responded_by` is removed) from ``identity`` —
/// never from the model — and sends the request through the client, with its
/// retries, idempotency keys and error mapping. Model-supplied values at identity paths are
/// overwritten silently in ``call(_:arguments:)``; ``prepare(_:arguments:)`` reports them
/// (``PreparedToolCall/overwrittenIdentityFields``) for adapters that want to log them.
///
/// Works with a remote client (`HandoffRailClient(baseURL:apiKey:)`) and with an in-process
/// one (a client over `InProcessTransport`) alike.
///
/// ```swift
/// let dispatcher = ToolDispatcher(
///     client: HandoffRailClient(baseURL: url, apiKey: key),
///     identity: AgentIdentity(id: "billing-01", name: "Billing", framework: .langChain))
/// let packet = try await dispatcher.call("handoffrail_claim_packet", arguments: ["packet_id": "5f0c…"])
/// print(packet["status"] ?? .null)   // "claimed"
/// ```
public struct ToolDispatcher: Sendable {
    /// Where calls go.
    public let client: HandoffRailClient
    /// Who calls: fills every identity field.
    public let identity: AgentIdentity
    private let toolsByName: [String: ToolSpec]
    private let orderedTools: [ToolSpec]

    /// A dispatcher of `tools` (by default every generated tool) acting as `identity`.
    public init(client: HandoffRailClient, identity: AgentIdentity, tools: [ToolSpec] = ToolSpec.generated) {
        self.client = client
        self.identity = identity
        self.orderedTools = tools
        self.toolsByName = Dictionary(tools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The tools this dispatcher executes, in the order given.
    public var tools: [ToolSpec] { orderedTools }

    /// The tool named `name`, if the dispatcher has it.
    public func tool(named name: String) -> ToolSpec? { toolsByName[name] }

    /// Executes one call; returns the API's JSON answer (the decoded response body).
    ///
    /// Creating tools (`createPacket`, `chainPacket`) are safe to retry: the client sends one
    /// `Idempotency-Key` with every attempt of the call, so a retried create never creates
    /// twice. Cancellation ends the call as `.api` with a `.connection` error.
    public func call(_ name: String, arguments: JSONValue) async throws(ToolCallError) -> JSONValue {
        try await call(name, arguments: arguments, idempotencyKey: nil)
    }

    /// Executes one call with an explicit `Idempotency-Key` for creating tools (ignored by
    /// the others): repeating the call with the same key returns the first answer instead of
    /// creating again — for example when a framework re-delivers a tool call after a crash.
    public func call(_ name: String, arguments: JSONValue, idempotencyKey: String?) async throws(ToolCallError) -> JSONValue {
        let prepared = try prepare(name, arguments: arguments)
        return try await send(prepared, idempotencyKey: idempotencyKey)
    }

    /// Executes a parsed framework tool call (``ToolCall``); creating tools use an
    /// idempotency key derived from the call id (``ToolCall/idempotencyKey(for:)``), so a
    /// re-delivered call does not create twice.
    public func call(_ toolCall: ToolCall) async throws(ToolCallError) -> JSONValue {
        try await call(toolCall.name, arguments: toolCall.arguments, idempotencyKey: toolCall.idempotencyKey(for: identity))
    }

    /// Checks `arguments`, fills the identity fields and builds the HTTP request, without
    /// sending it: what ``call(_:arguments:)`` would send, and which model-supplied identity
    /// values it overwrote.
    public func prepare(_ name: String, arguments: JSONValue) throws(ToolCallError) -> PreparedToolCall {
        guard let tool = toolsByName[name] else { throw .unknownTool(name, known: orderedTools) }
        let checked = try ToolArguments.check(arguments, for: tool)
        let filled = try IdentityFieldFiller(identity: identity).fill(checked, for: tool)
        let request = try ToolRequestBuilder.request(for: tool, arguments: filled.arguments)
        return PreparedToolCall(tool: tool, arguments: filled.arguments, request: request, overwrittenIdentityFields: filled.overwritten)
    }

    /// Sends a prepared call and decodes the answer.
    public func send(_ prepared: PreparedToolCall, idempotencyKey: String? = nil) async throws(ToolCallError) -> JSONValue {
        var request = prepared.request
        if let idempotencyKey, !idempotencyKey.isEmpty, ToolRequestBuilder.isCreating(prepared.tool) {
            request.setHeader("Idempotency-Key", String(idempotencyKey.prefix(255)))
        }
        let response: TransportResponse
        do {
            response = try await client.send(request)
        } catch is CancellationError {
            throw .api(prepared.tool.name, HandoffRailError(kind: .connection, operationID: prepared.tool.operationID, reason: "the call was cancelled"))
        } catch {
            // The client's own mapping: a HandoffRailError as it is, a timeout as `.timeout`.
            throw .api(prepared.tool.name, HandoffRailError.transport(error, operationID: prepared.tool.operationID))
        }
        return try ToolResponseDecoder.decode(response, tool: prepared.tool)
    }
}

/// A checked tool call with its identity fields filled, ready to send (``ToolDispatcher/send(_:idempotencyKey:)``).
public struct PreparedToolCall: Sendable {
    /// The tool.
    public var tool: ToolSpec
    /// The arguments as they will be sent: coerced, identity filled.
    public var arguments: [String: JSONValue]
    /// The HTTP request.
    public var request: ClientRequest
    /// Identity paths (`body.metadata.source_agent`) where the model had put a value of its
    /// own, which the adapter's identity replaced.
    public var overwrittenIdentityFields: [String]
}
