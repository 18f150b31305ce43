import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail rules update ID`: change some fields of a rule (admin key).
struct RulesUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a rule's fields; --when replaces the whole condition.")

    @Argument(help: "The rule's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    @OptionGroup var definition: RuleDefinitionOptions

    /// `--enable` / `--disable`.
    enum Switch: String, EnumerableFlag {
        case enable, disable

        static func help(for value: Switch) -> ArgumentHelp? {
            value == .enable ? "Turn the rule on." : "Turn the rule off (kept, never evaluated)."
        }
    }

    @Flag var toggle: Switch?

    @Flag(help: "Remove the condition (the rule then matches on agents alone).")
    var clearCondition = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if clearCondition && !definition.comparisons.isEmpty { throw ValidationError("Give either --when or --clear-condition, not both") }
    }

    func run() async throws {
        try await CLIContext.run(global) { context in
            let rule = try await context.client.updateRule(ruleId: id, body: try body())
            try context.output.emit(rule, ids: [rule.id]) { RuleRendering.rules([rule], output: context.output) }
        }
    }

    /// The `--file` body (if any) with the flags applied over it.
    func body() throws -> HandoffRuleUpdate {
        var update = try definition.fileBody(HandoffRuleUpdate.self) ?? HandoffRuleUpdate()
        if let name = definition.name { update.name = name }
        if let description = definition.description { update.description = .value(description) }
        if let order = definition.order { update.order = order }
        if let match = definition.match { update.match = match }
        if let condition = definition.condition { update.condition = .value(condition) }
        if clearCondition { update.condition = .null }
        if let action = definition.action { update.action = action }
        if let toggle { update.enabled = toggle == .enable }
        return update
    }
}
