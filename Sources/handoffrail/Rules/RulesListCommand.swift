import ArgumentParser

/// `handoffrail rules list`: every rule of the tenant in evaluation order.
struct RulesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tenant's rules in evaluation order.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let list = try await context.client.listRules()
            try context.output.emit(list, ids: list.rules.map(\.id)) { RuleRendering.rules(list.rules, output: context.output) }
        }
    }
}
