import ArgumentParser

/// `handoffrail tenants`: tenants (admins of the operator tenant only).
struct TenantsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenants",
        abstract: "Manage tenants (admins of the operator tenant).",
        subcommands: [
            TenantsListCommand.self, TenantsGetCommand.self, TenantsCreateCommand.self, TenantsUpdateCommand.self,
            TenantsDeleteCommand.self, TenantsKeysCommand.self,
        ])
}
