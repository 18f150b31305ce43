import ArgumentParser
import Foundation

/// `handoffrail rules get ID`: one rule.
struct RulesGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show one rule.")

    @Argument(help: "The rule's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let rule = try await context.client.getRule(ruleId: id)
            try context.output.emit(rule, ids: [rule.id]) { RuleRendering.rules([rule], output: context.output) }
        }
    }
}
