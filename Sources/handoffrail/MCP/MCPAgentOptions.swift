import ArgumentParser
import HandoffRailAgents

/// Who `handoffrail mcp` acts as: every tool call it executes creates, claims and answers
/// packets as this agent (the identity fields of the tools are filled from it, never by the
/// model). Each value is resolved flag > environment.
///
/// ```sh
/// HANDOFFRAIL_AGENT_ID=claude-desktop handoffrail mcp --agent-name "Claude Desktop"
/// ```
struct MCPAgentOptions: ParsableArguments {
    /// The environment variables that stand in for the flags.
    static let idVariable = "HANDOFFRAIL_AGENT_ID"
    static let nameVariable = "HANDOFFRAIL_AGENT_NAME"
    static let frameworkVariable = "HANDOFFRAIL_AGENT_FRAMEWORK"

    @Option(name: .customLong("agent-id"), help: ArgumentHelp(
        "The agent the tools act as (required; HANDOFFRAIL_AGENT_ID).", valueName: "agent-id"))
    var agentID: String?

    @Option(name: .customLong("agent-name"), help: ArgumentHelp(
        "The agent's display name (default: its id; HANDOFFRAIL_AGENT_NAME).", valueName: "name"))
    var agentName: String?

    @Option(help: ArgumentHelp(
        "The agent's framework, recorded on its packets: \(MCPAgentOptions.frameworkNames), or the MCP host's own name (HANDOFFRAIL_AGENT_FRAMEWORK).",
        valueName: "framework"))
    var framework: String?

    /// `langchain, langgraph, …`: the framework names the adapters know.
    static var frameworkNames: String {
        AgentFramework.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// The longest accepted framework name.
    static let frameworkNameLimit = 100

    /// The identity after precedence; a missing id, or a framework name that is not one printable
    /// token of at most ``frameworkNameLimit`` characters, is a usage error naming where the
    /// value came from.
    func identity(environment: [String: String]) throws(CLIFailure) -> AgentIdentity {
        guard let id = CLISettings.pick(flag: agentID, flagName: "--agent-id", env: Self.idVariable, environment: environment) else {
            throw .usage("an agent id is required: pass --agent-id or set \(Self.idVariable)")
        }
        let name = CLISettings.pick(flag: agentName, flagName: "--agent-name", env: Self.nameVariable, environment: environment)
        let framework = CLISettings.pick(flag: framework, flagName: "--framework", env: Self.frameworkVariable, environment: environment)
        if let framework, !Self.isFrameworkName(framework.value) {
            throw .usage("framework \"\(framework.value)\" from \(framework.source) must be a name without spaces or control characters, at most \(Self.frameworkNameLimit) characters (e.g. \(AgentFramework.langChain.rawValue) or claude-desktop)")
        }
        return AgentIdentity(id: id.value, name: name?.value ?? id.value, frameworkName: framework?.value)
    }

    private static func isFrameworkName(_ text: String) -> Bool {
        text.count <= frameworkNameLimit
            && text.unicodeScalars.allSatisfy { !$0.properties.isWhitespace && $0.properties.generalCategory != .control }
    }
}
