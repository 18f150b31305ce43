import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail rules delete ID`: delete a rule (it stops applying at once).
struct RulesDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a rule.")

    @Argument(help: "The rule's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            try await context.client.deleteRule(ruleId: id)
            let result: JSONValue = ["id": .string(id.lowercasedString), "deleted": true]
            try context.output.emit(result, ids: [id]) { "Deleted rule \(id.lowercasedString)" }
        }
    }
}
