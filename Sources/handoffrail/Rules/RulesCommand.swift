import ArgumentParser

/// `handoffrail rules`: the tenant's deterministic handoff rules (forced transfers on create,
/// claims blocked until a condition holds). Writing needs an admin key.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Manage handoff rules (forced transfers, blocked claims).",
        subcommands: [
            RulesListCommand.self, RulesGetCommand.self, RulesCreateCommand.self, RulesUpdateCommand.self, RulesDeleteCommand.self,
        ])
}
