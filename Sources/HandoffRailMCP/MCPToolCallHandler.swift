import HandoffRailAgents
import HandoffRailModels
import Logging
import MCP

/// Answers `tools/call` requests by running them through a ``ToolDispatcher``.
///
/// - Success: `content` is one text item holding the API's JSON answer; a tool with an
///   `outputSchema` also gets the answer as `structuredContent` (MCP requires it to be there
///   and to conform, and clients such as the Python SDK validate it).
/// - A call the API refused (or could not receive) and arguments that do not fit the tool:
///   a result with `isError: true` whose text is ``ToolCallError/message`` — the API's own
///   message — so the model reads it and can correct itself. Never a protocol error.
/// - A name that is not a tool: the JSON-RPC error `-32602` "Unknown tool: …", as the MCP
///   specification shows for that case (the client asked for something that was never listed).
///
/// ```swift
/// let handler = MCPToolCallHandler(dispatcher: dispatcher, catalog: MCPToolCatalog(specs: dispatcher.tools), logger: logger)
/// let result = try await handler.handle(.init(name: "handoffrail_get_packet", arguments: ["packet_id": .string(id)]))
/// ```
package struct MCPToolCallHandler: Sendable {
    /// Executes the calls.
    package let dispatcher: ToolDispatcher
    /// Which tools answer with structured content.
    package let catalog: MCPToolCatalog
    /// Where each call's outcome is logged (stderr in `handoffrail mcp`; never the arguments).
    package let logger: Logger

    /// A handler calling through `dispatcher`.
    package init(dispatcher: ToolDispatcher, catalog: MCPToolCatalog, logger: Logger) {
        self.dispatcher = dispatcher
        self.catalog = catalog
        self.logger = logger
    }

    /// The result of one `tools/call`; throws `MCPError.invalidParams` only for an unknown tool.
    package func handle(_ parameters: CallTool.Parameters) async throws(MCPError) -> CallTool.Result {
        let arguments = MCPValueBridge.arguments(parameters.arguments)
        let answer: JSONValue
        do {
            answer = try await dispatcher.call(parameters.name, arguments: arguments)
        } catch {
            logger.notice("tool call failed", metadata: [
                "tool": "\(parameters.name)", "kind": "\(error.kind.rawValue)", "error": "\(error.message)",
            ])
            if error.kind == .unknownTool {
                throw MCPError.invalidParams("Unknown tool: \(parameters.name)")
            }
            return Self.failure(error.message)
        }
        logger.info("tool call succeeded", metadata: ["tool": "\(parameters.name)"])
        return success(answer, tool: parameters.name)
    }

    /// One text item with `answer` as JSON, plus `structuredContent` for a tool that declares
    /// an output schema (an answer that is not an object then cannot conform: an error result).
    func success(_ answer: JSONValue, tool: String) -> CallTool.Result {
        let text = Tool.Content.text(text: answer.serializedString(), annotations: nil, _meta: nil)
        guard catalog.structuredToolNames.contains(tool) else {
            return CallTool.Result(content: [text], isError: false)
        }
        guard case .object = answer else {
            return Self.failure("The server's answer is not a JSON object, as \(tool) promises: \(answer.serializedString())")
        }
        let structured: Value? = MCPValueBridge.value(from: answer)
        return CallTool.Result(content: [text], structuredContent: structured, isError: false)
    }

    /// A tool execution error: `isError: true` with `message` as the only text.
    static func failure(_ message: String) -> CallTool.Result {
        CallTool.Result(content: [.text(text: message, annotations: nil, _meta: nil)], isError: true)
    }
}
