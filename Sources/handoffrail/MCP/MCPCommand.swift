import ArgumentParser
import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailMCP
import Logging
import ServiceLifecycle

/// `handoffrail mcp`: a Model Context Protocol server on stdin/stdout exposing HandoffRail's
/// generated tools to an MCP client (Claude Desktop, an IDE, any agent host).
///
/// The server URL and API key resolve like every client command (flag > environment >
/// `~/.handoffrail.toml`); the agent identity comes from `--agent-id`/`--agent-name`/
/// `--framework` or `HANDOFFRAIL_AGENT_*`. stdout carries only protocol messages; logs go to
/// stderr (`--log-level`, one info line per tool call by default). The server runs until the
/// client closes stdin, or SIGTERM/SIGINT. A bad setting stops it before it serves, with exit
/// code 2 and one line on stderr.
///
/// ```sh
/// handoffrail mcp --server-url https://rail.example.com --api-key "$KEY" --agent-id claude-desktop
/// ```
struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the HandoffRail tools to an MCP client over stdio.",
        discussion: """
            Speaks the Model Context Protocol on stdin/stdout; configure it as a stdio server in \
            the MCP client. Every call acts as the agent given by --agent-id (HANDOFFRAIL_AGENT_ID), \
            --agent-name (HANDOFFRAIL_AGENT_NAME) and --framework (HANDOFFRAIL_AGENT_FRAMEWORK). \
            The server URL and API key resolve like the client commands' (flag > HANDOFFRAIL_URL, \
            HANDOFFRAIL_API_KEY > ~/.handoffrail.toml). stdout carries only the protocol; logs go to \
            stderr. Runs until the client closes stdin, or SIGTERM/SIGINT.
            """)

    @OptionGroup var agent: MCPAgentOptions

    @OptionGroup var connection: MCPConnectionOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let settings: CLISettings
        let identity: AgentIdentity
        do {
            settings = try CLISettings.resolve(connection: connection.server, environment: environment)
            identity = try agent.identity(environment: environment)
        } catch {
            FileHandle.standardError.write(Data("handoffrail mcp: \(error.message)\n".utf8))
            throw error.status.exitCode
        }
        let level = connection.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "handoffrail.mcp")
        if settings.apiKey.value == nil {
            logger.warning("no API key configured (--api-key, HANDOFFRAIL_API_KEY or api_key in the config file): every tool call will be refused")
        }
        let client = HandoffRailClient(
            baseURL: settings.baseURL, apiKey: settings.apiKey.value,
            configuration: HandoffRailClientConfiguration(userAgent: HandoffRailMCP.userAgent))
        let server = HandoffRailMCPServer(dispatcher: ToolDispatcher(client: client, identity: identity), logger: logger)
        logger.info("serving HandoffRail tools over stdio", metadata: [
            "server_url": "\(settings.serverURL.value)", "agent": "\(identity.id)",
        ])
        // The client closing stdin ends the service normally: shut the group down, not an error.
        let service = ServiceGroupConfiguration.ServiceConfiguration(
            service: MCPStdioService(server: server), successTerminationBehavior: .gracefullyShutdownGroup,
            serviceName: "mcp-stdio")
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
