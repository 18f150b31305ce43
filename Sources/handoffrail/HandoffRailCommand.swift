import ArgumentParser
import HandoffRailModels

/// `handoffrail`: the HandoffRail command line. The server (`serve`) and the client
/// commands arrive with their issues; `operations` lists what the spec defines.
@main
struct HandoffRailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handoffrail",
        abstract: "HandoffRail: session continuity for multi-agent systems.",
        subcommands: [OperationsCommand.self])
}
