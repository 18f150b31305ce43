import HandoffRailAgents
import HandoffRailClient
import HandoffRailMCP
import HandoffRailModels
import HandoffRailTestSupport
import Logging
import MCP

/// An MCP SDK `Client` connected over an in-memory transport to a ``HandoffRailMCPServer``
/// whose dispatcher talks in-process to a real ``ClientTestServer``.
///
/// ```swift
/// try await MCPTestSession.run(as: triage, on: server) { session in
///     let result = try await session.call("handoffrail_get_packet", ["packet_id": .string(id)])
/// }
/// ```
struct MCPTestSession: Sendable {
    let client: Client
    let initialize: Initialize.Result
    let server: ClientTestServer

    /// Connects a client as `identity` to a fresh MCP server backed by `server`, runs `body`,
    /// then disconnects and stops the MCP server.
    static func run<Value: Sendable>(
        as identity: AgentIdentity, on server: ClientTestServer,
        _ body: @Sendable (MCPTestSession) async throws -> Value
    ) async throws -> Value {
        let dispatcher = ToolDispatcher(client: server.inProcessClient(), identity: identity)
        let mcpServer = HandoffRailMCPServer(dispatcher: dispatcher, logger: Logger(label: "handoffrail.mcp.tests"))
        let (clientTransport, serverTransport) = await InMemoryTransport.createConnectedPair()
        // Connected before the client speaks: an in-memory transport drops what arrives while
        // it is not connected, and the server task may start after the client's `initialize`.
        try await serverTransport.connect()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await mcpServer.run(transport: serverTransport) }
            let client = Client(name: "handoffrail-mcp-tests", version: "1.0.0")
            do {
                let initialize = try await client.connect(transport: clientTransport)
                let value = try await body(MCPTestSession(client: client, initialize: initialize, server: server))
                await client.disconnect()
                group.cancelAll()
                return value
            } catch {
                await client.disconnect()
                group.cancelAll()
                throw error
            }
        }
    }

    /// The full `tools/call` result (the SDK's `callTool` convenience drops `structuredContent`).
    func call(_ name: String, _ arguments: [String: Value] = [:]) async throws -> CallTool.Result {
        let context: RequestContext<CallTool.Result> = try await client.send(CallTool.request(.init(name: name, arguments: arguments)))
        return try await context.value
    }

    /// The text of a result's single text item.
    static func text(of result: CallTool.Result) -> String? {
        guard result.content.count == 1, case .text(let text, _, _) = result.content[0] else { return nil }
        return text
    }
}
