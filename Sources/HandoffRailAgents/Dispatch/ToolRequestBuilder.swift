import Foundation
import HandoffRailClient
import HandoffRailModels

/// Builds the HTTP request of a tool call from the tool's ``ToolSpec/bindings``: path
/// parameters (percent-encoded), query parameters, headers, and the JSON body made of the
/// body arguments and the identity members.
enum ToolRequestBuilder {
    /// Whether the tool creates a resource and honours `Idempotency-Key`: the client's own list
    /// (it adds a key per call; ``ToolDispatcher/call(_:arguments:idempotencyKey:)`` may choose it).
    static func isCreating(_ tool: ToolSpec) -> Bool { RetryPolicy.keyedOperations.contains(tool.operationID) }

    static func request(for tool: ToolSpec, arguments: [String: JSONValue]) throws(ToolCallError) -> ClientRequest {
        let descriptor = OperationDescriptor(
            id: tool.operationID, method: tool.method, path: tool.path, requiredRole: nil, requiresAuthentication: true, transport: nil)
        var request = ClientRequest(descriptor)
        let identityMembers = IdentityFieldFiller.topLevelNames(of: tool)
        var body: [String: JSONValue] = [:]
        for name in arguments.keys.sorted() {
            guard let value = arguments[name] else { continue }
            switch tool.bindings[name] {
            case .path(let parameter)?:
                guard let text = SchemaCoercion.queryText(value), !text.isEmpty else {
                    throw .invalidArguments(tool.name, "'\(name)' must be a non-empty string, not \(SchemaCoercion.kindName(value)).")
                }
                try checkPathSegment(text, argument: name, of: tool)
                request.setPathParameter(parameter, text)
            case .query(let parameter)?:
                if value.isNull { continue }
                guard let text = SchemaCoercion.queryText(value) else {
                    throw .invalidArguments(tool.name, "'\(name)' must be a string, number or boolean, not \(SchemaCoercion.kindName(value)).")
                }
                request.addQueryParameter(parameter, text)
            case .header(let header)?:
                if value.isNull { continue }
                guard let text = SchemaCoercion.queryText(value) else {
                    throw .invalidArguments(tool.name, "'\(name)' must be a string, number or boolean, not \(SchemaCoercion.kindName(value)).")
                }
                request.setHeader(header, text)
            case .body(let member)?:
                body[member] = value
            case nil:
                if identityMembers.contains(name) { body[name] = value }
            }
        }
        if hasBody(tool) {
            do {
                try request.setJSONBody(JSONValue.object(body))
            } catch {
                throw .invalidArguments(tool.name, "The arguments cannot be encoded as JSON.")
            }
        }
        return request
    }

    /// A path argument must stay one path segment: `.`/`..` and `/` would make the request
    /// address another resource (percent-encoding does not stop every server or proxy from
    /// normalising them). Where the schema says `format: uuid`, it must be a UUID.
    static func checkPathSegment(_ text: String, argument name: String, of tool: ToolSpec) throws(ToolCallError) {
        if text == "." || text == ".." || text.contains("/") || text.contains("\\") {
            throw .invalidArguments(tool.name, "'\(name)' must be a single identifier, not a path.")
        }
        if tool.inputSchema["properties"]?[name]?["format"] == "uuid", UUID(uuidString: text) == nil {
            throw .invalidArguments(tool.name, "'\(name)' must be a UUID (like 3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b).")
        }
    }

    /// Whether the operation takes a JSON body (a body argument or a body identity field).
    static func hasBody(_ tool: ToolSpec) -> Bool {
        tool.bindings.values.contains { if case .body = $0 { return true } else { return false } }
            || tool.identityFields.contains { $0.hasPrefix("body.") }
    }
}
