import HandoffRailModels

/// The table of `rules list|get|create|update`: one line per rule, in evaluation order.
enum RuleRendering {
    static func rules(_ rules: [HandoffRule], output: OutputPrinter) -> String {
        var table = Table(columns: ["ID", "ORDER", "NAME", "ENABLED", "MATCH", "CONDITION", "ACTION"])
        for rule in rules {
            table.append(cells: [
                Table.Cell(rule.id.lowercasedString),
                Table.Cell(String(rule.order)),
                Table.Cell(rule.name),
                Table.Cell(rule.enabled ? "yes" : "no", rule.enabled ? .green : .dim),
                Table.Cell(match(rule.match)),
                Table.Cell(condition(rule.condition)),
                Table.Cell(action(rule.action)),
            ])
        }
        return output.render(table)
    }

    /// `source=a target=b`, or `any`.
    static func match(_ match: HandoffRuleMatch) -> String {
        let parts = [match.sourceAgent.map { "source=\($0)" }, match.targetAgent.map { "target=\($0)" }].compactMap { $0 }
        return parts.isEmpty ? "any" : parts.joined(separator: " ")
    }

    /// `metadata.priority ge "high" and context.custom.vip exists`, or `always`.
    static func condition(_ condition: HandoffRuleCondition?) -> String {
        guard let condition else { return "always" }
        return condition.comparisons.map { comparison in
            let value = comparison.value.map { " " + $0.serializedString(sortedKeys: true) } ?? ""
            return "\(comparison.variable) \(comparison.op.rawValue)\(value)"
        }.joined(separator: " \(condition.operator.rawValue) ")
    }

    /// `force_transfer → id` or `block_claim: reason`.
    static func action(_ action: HandoffRuleAction) -> String {
        switch action.type {
        case .forceTransfer: return "force_transfer → \(action.targetAgent?.id ?? "?")"
        case .blockClaim: return "block_claim: \(action.reason ?? "")"
        case .undocumented(let type): return type
        }
    }
}
