import ArgumentParser
import HandoffRailModels

/// `handoffrail rules create`: add a rule (admin key).
struct RulesCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a rule: --name, --when comparisons, and --force-transfer or --block-claim (or --file).")

    @OptionGroup var definition: RuleDefinitionOptions

    @Flag(help: "Create the rule disabled.")
    var disabled = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard definition.file == nil else { return }
        if definition.name == nil { throw ValidationError("Missing --name (or a name in --file)") }
        if definition.action == nil { throw ValidationError("Missing an action: --force-transfer AGENT or --block-claim REASON (or --file)") }
        if definition.blockClaim != nil && definition.comparisons.isEmpty {
            throw ValidationError("--block-claim needs --when: claims are blocked until the condition holds")
        }
    }

    func run() async throws {
        try await CLIContext.run(global) { context in
            let rule = try await context.client.createRule(try body())
            try context.output.emit(rule, ids: [rule.id]) { RuleRendering.rules([rule], output: context.output) }
        }
    }

    /// The `--file` body (if any) with the flags applied over it.
    func body() throws -> HandoffRuleCreate {
        let base = try definition.fileBody(HandoffRuleCreate.self)
        guard let name = definition.name ?? base?.name else { throw ValidationError("Missing --name (or a name in --file)") }
        guard let action = definition.action ?? base?.action else {
            throw ValidationError("Missing an action: --force-transfer AGENT or --block-claim REASON (or an action in --file)")
        }
        var create = base ?? HandoffRuleCreate(name: name, action: action)
        create.name = name
        create.action = action
        if let description = definition.description { create.description = description }
        if let order = definition.order { create.order = order }
        if let match = definition.match { create.match = match }
        if let condition = definition.condition { create.condition = condition }
        if disabled { create.enabled = false }
        return create
    }
}
