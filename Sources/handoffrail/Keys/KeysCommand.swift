import ArgumentParser

/// `handoffrail keys`: API keys of the tenant (admin).
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage API keys (admin).",
        subcommands: [KeysCreateCommand.self, KeysListCommand.self, KeysRevokeCommand.self, KeysRotateCommand.self])
}
