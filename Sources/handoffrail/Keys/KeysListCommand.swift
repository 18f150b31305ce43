import ArgumentParser

/// `handoffrail keys list`: the tenant's keys (prefixes only, never the keys).
struct KeysListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tenant's API keys.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let keys = try await context.client.listApiKeys()
            try context.output.emit(keys, ids: keys.map(\.id)) { KeyRendering.keys(keys, output: context.output) }
        }
    }
}
