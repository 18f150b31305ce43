import ArgumentParser
import HandoffRailModels

/// `handoffrail tenants create --name …`: defaults as the server's (free tier, 5 handoffs a day, 5 keys).
struct TenantsCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a tenant.")

    @Option(help: "The tenant's unique name.")
    var name: String

    @OptionGroup var limits: TenantLimitOptions

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            var create = TenantCreate(name: name)
            if let tier = limits.tier { create.tier = tier }
            if let perDay = limits.handoffsPerDay { create.handoffsPerDay = perDay }
            if let maxKeys = limits.maxApiKeys { create.maxApiKeys = maxKeys }
            let tenant = try await context.client.createTenant(create)
            try context.output.emit(tenant, idTexts: [tenant.id]) { TenantRendering.tenants([tenant], output: context.output) }
        }
    }
}
