import ArgumentParser

/// `handoffrail hooks dlq`: deliveries that ran out of retries.
struct HooksDLQCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dlq", abstract: "List the dead-letter queue.")

    @Option(help: "Entries per page.")
    var limit: Int?

    @Option(help: "Entries to skip.")
    var offset: Int?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let deliveries = try await context.client.listDeadLetters(limit: limit, offset: offset)
            try context.output.emit(deliveries, ids: deliveries.map(\.id)) { HookRendering.deliveries(deliveries, output: context.output) }
        }
    }
}
