import ArgumentParser

/// `handoffrail tenants list`.
struct TenantsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tenants.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let tenants = try await context.client.listTenants()
            try context.output.emit(tenants, idTexts: tenants.map(\.id)) { TenantRendering.tenants(tenants, output: context.output) }
        }
    }
}
