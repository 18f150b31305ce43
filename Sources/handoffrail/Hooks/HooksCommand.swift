import ArgumentParser

/// `handoffrail hooks`: webhooks and their deliveries.
struct HooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Manage webhooks, their deliveries and the dead-letter queue.",
        subcommands: [
            HooksAddCommand.self, HooksListCommand.self, HooksRemoveCommand.self,
            HooksDeliveriesCommand.self, HooksDLQCommand.self, HooksReplayCommand.self,
        ])
}
