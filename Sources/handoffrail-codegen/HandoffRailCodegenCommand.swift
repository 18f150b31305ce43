import ArgumentParser
import Foundation
import HandoffRailCodegen

/// `handoffrail-codegen`: the generator's command line.
@main
struct HandoffRailCodegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handoffrail-codegen",
        abstract: "Generates Swift code from the HandoffRail OpenAPI spec and checks spec changes for compatibility.",
        subcommands: [Generate.self, GenerateCommitted.self, Diff.self],
        defaultSubcommand: Generate.self)
}
