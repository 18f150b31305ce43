import ArgumentParser
import HandoffRailModels

/// `handoffrail`: the HandoffRail command line: `serve` runs the server, `operations` lists
/// what the spec defines; the client commands arrive with their issues.
@main
struct HandoffRailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handoffrail",
        abstract: "HandoffRail: session continuity for multi-agent systems.",
        subcommands: [ServeCommand.self, OperationsCommand.self])
}
