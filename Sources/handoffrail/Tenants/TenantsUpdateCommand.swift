import ArgumentParser
import HandoffRailModels

/// `handoffrail tenants update ID`: change the name, tier or limits.
struct TenantsUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update", abstract: "Change a tenant's name, tier or limits.")

    @Argument(help: "The tenant's id.")
    var id: String

    @Option(help: "A new name.")
    var name: String?

    @OptionGroup var limits: TenantLimitOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if name == nil && limits.tier == nil && limits.handoffsPerDay == nil && limits.maxApiKeys == nil {
            throw ValidationError("give at least one of --name, --tier, --handoffs-per-day, --max-api-keys")
        }
    }

    func run() async throws {
        try await CLIContext.run(global) { context in
            let update = TenantUpdate(name: name, tier: limits.tier, handoffsPerDay: limits.handoffsPerDay, maxApiKeys: limits.maxApiKeys)
            let tenant = try await context.client.updateTenant(tenantId: id, body: update)
            try context.output.emit(tenant, idTexts: [tenant.id]) { TenantRendering.tenants([tenant], output: context.output) }
        }
    }
}
