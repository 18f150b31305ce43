import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail hooks remove ID`: deactivate a webhook (it stays listed, inactive).
struct HooksRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Deactivate a webhook.")

    @Argument(help: "The webhook's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            try await context.client.deleteHook(hookId: id)
            let result: JSONValue = ["id": .string(id.lowercasedString), "active": false]
            try context.output.emit(result, ids: [id]) { "Deactivated webhook \(id.lowercasedString)" }
        }
    }
}
