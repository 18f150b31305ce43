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
        "The agent's framework: \(MCPAgentOptions.frameworkNames) (HANDOFFRAIL_AGENT_FRAMEWORK).",
        valueName: "framework"))
    var framework: String?

    /// `langchain, langgraph, …`: the accepted `--framework` values.
    static var frameworkNames: String {
        AgentFramework.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// The identity after precedence; a missing id or an unknown framework is a usage error
    /// naming where the value came from.
    func identity(environment: [String: String]) throws(CLIFailure) -> AgentIdentity {
        guard let id = CLISettings.pick(flag: agentID, flagName: "--agent-id", env: Self.idVariable, environment: environment) else {
            throw .usage("an agent id is required: pass --agent-id or set \(Self.idVariable)")
        }
        let name = CLISettings.pick(flag: agentName, flagName: "--agent-name", env: Self.nameVariable, environment: environment)
        var agentFramework: AgentFramework?
        if let text = CLISettings.pick(flag: framework, flagName: "--framework", env: Self.frameworkVariable, environment: environment) {
            guard let value = AgentFramework(rawValue: text.value) else {
                throw .usage("framework \"\(text.value)\" from \(text.source) must be one of \(Self.frameworkNames)")
            }
            agentFramework = value
        }
        return AgentIdentity(id: id.value, name: name?.value ?? id.value, framework: agentFramework)
    }
}
