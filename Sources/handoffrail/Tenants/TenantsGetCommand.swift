import ArgumentParser

/// `handoffrail tenants get ID`.
struct TenantsGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show one tenant.")

    @Argument(help: "The tenant's id.")
    var id: String

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let tenant = try await context.client.getTenant(tenantId: id)
            try context.output.emit(tenant, idTexts: [tenant.id]) { TenantRendering.tenants([tenant], output: context.output) }
        }
    }
}
