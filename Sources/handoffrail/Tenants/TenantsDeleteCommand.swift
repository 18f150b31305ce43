import ArgumentParser
import HandoffRailModels

/// `handoffrail tenants delete ID`.
struct TenantsDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a tenant.")

    @Argument(help: "The tenant's id.")
    var id: String

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            try await context.client.deleteTenant(tenantId: id)
            let result: JSONValue = ["id": .string(id), "deleted": true]
            try context.output.emit(result, idTexts: [id]) { "Deleted tenant \(id)" }
        }
    }
}
