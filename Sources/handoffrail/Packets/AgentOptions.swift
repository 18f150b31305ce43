import ArgumentParser

/// The agent a claim is made for.
struct AgentOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The claiming agent's id.", valueName: "agent-id"))
    var agentID: String

    @Option(help: ArgumentHelp("The claiming agent's name (default: its id).", valueName: "name"))
    var agentName: String?

    @Option(help: ArgumentHelp("The claiming agent's framework.", valueName: "framework"))
    var framework: String?

    /// The name to send: `--agent-name`, else the id.
    var name: String { agentName ?? agentID }
}
