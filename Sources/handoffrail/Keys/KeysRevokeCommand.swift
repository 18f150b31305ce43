import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail keys revoke ID`: the key is refused from the next request on.
struct KeysRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke an API key.")

    @Argument(help: "The key's id (from keys list).", transform: ArgumentParsing.uuid)
    var id: UUID

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            try await context.client.revokeApiKey(keyId: id)
            let result: JSONValue = ["id": .string(id.lowercasedString), "revoked": true]
            try context.output.emit(result, ids: [id]) { "Revoked key \(id.lowercasedString)" }
        }
    }
}
