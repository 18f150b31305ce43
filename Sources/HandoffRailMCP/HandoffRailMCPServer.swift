import HandoffRailAgents
import HandoffRailModels
import Logging
import MCP

/// An MCP server exposing HandoffRail's generated tools, each call executed by a
/// ``ToolDispatcher`` as the agent it was configured with.
///
/// ``run(transport:)`` serves one connection until the client goes away (stdin closes) or the
/// task is cancelled — the shape of a swift-service-lifecycle `Service.run()`; `handoffrail mcp`
/// runs it in a `ServiceGroup` so SIGTERM/SIGINT end it cleanly. It handles `initialize`
/// (announcing the `tools` capability and instructions naming the agent), `tools/list` and
/// `tools/call` (see ``MCPToolCallHandler`` for results and errors). Nothing is written to
/// stdout except protocol messages: logs go to `logger`, which `handoffrail mcp` sends to stderr.
///
/// ```swift
/// let dispatcher = ToolDispatcher(
///     client: HandoffRailClient(baseURL: url, apiKey: key),
///     identity: AgentIdentity(id: "claude-desktop", name: "Claude Desktop"))
/// try await HandoffRailMCPServer(dispatcher: dispatcher).run(transport: StdioTransport())
/// ```
public struct HandoffRailMCPServer: Sendable {
    /// Executes the tool calls.
    public let dispatcher: ToolDispatcher
    /// Where the server logs (never stdout for a stdio server).
    public let logger: Logger
    let catalog: MCPToolCatalog

    /// A server for `dispatcher`'s tools.
    public init(dispatcher: ToolDispatcher, logger: Logger = Logger(label: "handoffrail.mcp")) {
        self.dispatcher = dispatcher
        self.logger = logger
        self.catalog = MCPToolCatalog(specs: dispatcher.tools)
    }

    /// The tools `tools/list` returns.
    public var tools: [Tool] { catalog.tools }

    /// The `instructions` of the `initialize` result: who the tools act as, so the model does
    /// not try to pass an identity of its own.
    public var instructions: String {
        let identity = dispatcher.identity
        let framework = identity.frameworkName.map { ", framework \($0)" } ?? ""
        return """
            HandoffRail tools: hand work over to other agents and pick up work handed to you. \
            You act as agent "\(identity.id)" (\(identity.name)\(framework)); the server fills in \
            your identity (source agent, claimer, who decided or completed something), so never pass one yourself. \
            To find work addressed to you, list packets with target_agent="\(identity.id)" and status="created".
            """
    }

    /// An MCP `Server` with the `tools/list` and `tools/call` handlers registered, not started.
    public func makeServer() async -> Server {
        let server = Server(
            name: HandoffRailMCP.serverName,
            version: HandoffRailMCP.serverVersion,
            title: HandoffRailMCP.serverTitle,
            instructions: instructions,
            capabilities: Server.Capabilities(tools: .init(listChanged: false)))
        let tools = catalog.tools
        let handler = MCPToolCallHandler(dispatcher: dispatcher, catalog: catalog, logger: logger)
        await server.withMethodHandler(ListTools.self) { _ in
            ListTools.Result(tools: tools)
        }
        await server.withMethodHandler(CallTool.self) { parameters in
            try await handler.handle(parameters)
        }
        return server
    }

    /// Serves stdin/stdout (the MCP stdio transport) until stdin closes or the task is cancelled.
    public func runOverStandardIO() async throws {
        try await run(transport: StdioTransport(logger: logger))
    }

    /// Serves `transport` until the peer closes it or the calling task is cancelled, then
    /// stops the server and disconnects the transport. Requests received before the input
    /// ended are answered first (``AnsweringTransport``).
    public func run(transport: any Transport) async throws {
        let server = await makeServer()
        try await server.start(transport: AnsweringTransport(wrapping: transport, logger: logger))
        logger.info("MCP server started", metadata: [
            "agent": "\(dispatcher.identity.id)", "tools": "\(catalog.tools.count)",
        ])
        await withTaskCancellationHandler {
            await server.waitUntilCompleted()
        } onCancel: {
            Task { await server.stop() }
        }
        await server.stop()
        logger.info("MCP server stopped")
    }
}
