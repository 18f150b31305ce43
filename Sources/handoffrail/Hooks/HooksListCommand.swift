import ArgumentParser

/// `handoffrail hooks list`: the tenant's webhooks, inactive ones included.
struct HooksListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List webhooks (inactive ones too).")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let hooks = try await context.client.listHooks()
            try context.output.emit(hooks, ids: hooks.map(\.id)) { HookRendering.hooks(hooks, output: context.output) }
        }
    }
}
