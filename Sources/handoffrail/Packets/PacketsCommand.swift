import ArgumentParser

/// `handoffrail packets`: handoff packets, from creation to completion.
struct PacketsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "packets",
        abstract: "Create, claim, update and inspect handoff packets.",
        subcommands: [
            PacketsCreateCommand.self, PacketsGetCommand.self, PacketsListCommand.self, PacketsClaimCommand.self,
            PacketsUpdateCommand.self, PacketsCompleteCommand.self, PacketsFailCommand.self, PacketsDeleteCommand.self,
            PacketsRespondCommand.self, PacketsHistoryCommand.self, PacketsChainCommand.self, PacketsSearchCommand.self,
            PacketsAwaitingCommand.self, PacketsBatchCommand.self,
        ])
}
