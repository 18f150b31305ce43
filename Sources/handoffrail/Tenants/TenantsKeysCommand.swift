import ArgumentParser

/// `handoffrail tenants keys ID`: another tenant's API keys.
struct TenantsKeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "List a tenant's API keys.")

    @Argument(help: "The tenant's id.")
    var id: String

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let keys = try await context.client.listTenantApiKeys(tenantId: id)
            try context.output.emit(keys, ids: keys.map(\.id)) { KeyRendering.keys(keys, output: context.output) }
        }
    }
}
