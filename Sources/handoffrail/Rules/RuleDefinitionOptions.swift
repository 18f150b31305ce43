import ArgumentParser
import HandoffRailModels

/// The options `rules create` and `rules update` share: a rule's fields as flags, or a whole
/// JSON/YAML body with `--file` (flags given beside it override its fields).
///
/// ```sh
/// handoffrail rules create --name vip-to-senior --when 'context.custom.tier eq gold' --force-transfer senior-agent
/// handoffrail rules create --name refunds-need-approval --target-agent billing \
///     --when 'context.custom.approved eq true' --block-claim "a manager must approve refunds first"
/// ```
struct RuleDefinitionOptions: ParsableArguments {
    @Option(help: "The rule's name (unique in the tenant).")
    var name: String?

    @Option(help: "Free text describing the rule.")
    var description: String?

    @Option(help: "Evaluation position: lower first (ties by creation time).")
    var order: Int?

    @Option(help: ArgumentHelp("Only packets from this source agent id.", valueName: "agent-id"))
    var sourceAgent: String?

    @Option(help: ArgumentHelp("Only packets addressed to this target agent id.", valueName: "agent-id"))
    var targetAgent: String?

    @Option(name: .customLong("when"), help: ArgumentHelp(
        "A comparison 'VARIABLE OP [VALUE]' (repeatable), e.g. 'metadata.priority ge high'; VALUE is JSON or a plain string.",
        valueName: "comparison"), transform: RuleComparisonArgument.parse)
    var comparisons: [HandoffRuleComparison] = []

    @Flag(help: "Join the --when comparisons with OR (default: AND).")
    var any = false

    @Option(help: ArgumentHelp("Action: route new matching packets to this agent id.", valueName: "agent-id"))
    var forceTransfer: String?

    @Option(help: ArgumentHelp("The --force-transfer agent's name (default: its id).", valueName: "name"))
    var targetName: String?

    @Option(help: ArgumentHelp("The --force-transfer agent's framework.", valueName: "framework"))
    var targetFramework: String?

    @Option(help: ArgumentHelp(
        "Action: block claims of matching packets until the --when condition holds; the reason is shown in the 409.",
        valueName: "reason"))
    var blockClaim: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("A JSON or YAML rule body; - reads stdin.", valueName: "path"))
    var file: String?

    func validate() throws {
        if forceTransfer != nil && blockClaim != nil { throw ValidationError("Give either --force-transfer or --block-claim, not both") }
        if targetName != nil && forceTransfer == nil { throw ValidationError("--target-name needs --force-transfer") }
        if targetFramework != nil && forceTransfer == nil { throw ValidationError("--target-framework needs --force-transfer") }
        if any && comparisons.isEmpty { throw ValidationError("--any needs at least one --when") }
    }

    /// The action the flags describe, if any.
    var action: HandoffRuleAction? {
        if let forceTransfer {
            return HandoffRuleAction(
                type: .forceTransfer, targetAgent: HandoffRuleTarget(id: forceTransfer, name: targetName, framework: targetFramework))
        }
        if let blockClaim { return HandoffRuleAction(type: .blockClaim, reason: blockClaim) }
        return nil
    }

    /// The condition the `--when` flags describe, if any.
    var condition: HandoffRuleCondition? {
        comparisons.isEmpty ? nil : HandoffRuleCondition(operator: any ? .or : .and, comparisons: comparisons)
    }

    /// The match the agent flags describe, if any.
    var match: HandoffRuleMatch? {
        sourceAgent == nil && targetAgent == nil ? nil : HandoffRuleMatch(sourceAgent: sourceAgent, targetAgent: targetAgent)
    }

    /// The `--file` body decoded as `Body`, or nil without `--file`.
    func fileBody<Body: Decodable>(_ type: Body.Type) throws -> Body? {
        guard let file else { return nil }
        let json = try DocumentReader.read(file)
        do {
            return try JSONValueDecoder().decode(Body.self, from: json)
        } catch {
            throw ValidationError("\(file) is not a valid rule body: \(error)")
        }
    }
}
