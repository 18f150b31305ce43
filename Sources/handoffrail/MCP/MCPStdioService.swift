import HandoffRailMCP
import ServiceLifecycle

/// The MCP server on stdin/stdout as a lifecycle `Service`: it returns when the client closes
/// stdin, and a graceful shutdown (SIGTERM/SIGINT) cancels it, which stops the server and
/// disconnects the transport.
struct MCPStdioService: Service {
    let server: HandoffRailMCPServer

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await server.runOverStandardIO()
        }
    }
}
