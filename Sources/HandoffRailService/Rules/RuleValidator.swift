import HandoffRailModels

/// What the spec's schema cannot say about a rule, checked when it is created or updated:
/// supported variables, values of the right kind for their operator, and an action with
/// exactly its own fields. Violations are 422 (`code: invalid_rule`, `field` the JSON path).
///
/// ```swift
/// try RuleValidator.check(condition: rule.condition, action: rule.action)
/// ```
enum RuleValidator {
    static func check(condition: HandoffRuleCondition?, action: HandoffRuleAction) throws {
        try check(action)
        guard let condition else {
            if action.type == .blockClaim {
                throw invalid("block_claim needs a condition: claims are blocked until it holds", field: "condition")
            }
            return
        }
        if case .undocumented(let value) = condition.operator {
            throw invalid("Unknown condition operator '\(value)'; use and or or", field: "condition.operator")
        }
        guard !condition.comparisons.isEmpty else {
            throw invalid("A condition needs at least one comparison", field: "condition.comparisons")
        }
        for (index, comparison) in condition.comparisons.enumerated() {
            try check(comparison, field: "condition.comparisons[\(index)]")
        }
    }

    private static func check(_ comparison: HandoffRuleComparison, field: String) throws {
        guard RuleVariable(parsing: comparison.variable) != nil else {
            throw invalid(
                "Unsupported variable '\(comparison.variable)'; use context.custom.<key>[.<key>…] or one of: \(RuleVariable.fixedPaths.joined(separator: ", "))",
                field: field + ".variable")
        }
        let value = comparison.value
        let valueField = field + ".value"
        switch comparison.op {
        case .exists:
            switch value {
            case nil, .bool?: break
            default: throw invalid("exists takes a boolean value (or none, meaning true)", field: valueField)
            }
        case .eq, .ne:
            guard value != nil else { throw invalid("\(comparison.op.rawValue) needs a value", field: valueField) }
        case .lt, .le, .gt, .ge:
            switch value {
            case .integer?, .number?, .string?: break
            default: throw invalid("\(comparison.op.rawValue) needs a number or a string value", field: valueField)
            }
        case .in, .notIn:
            guard case .array? = value else { throw invalid("\(comparison.op.rawValue) needs an array value", field: valueField) }
        case .contains:
            switch value {
            case .string?, .integer?, .number?, .bool?: break
            default: throw invalid("contains needs a string, number or boolean value", field: valueField)
            }
        case .undocumented(let op):
            throw invalid("Unknown comparison operator '\(op)'", field: field + ".op")
        }
    }

    private static func check(_ action: HandoffRuleAction) throws {
        switch action.type {
        case .forceTransfer:
            guard let target = action.targetAgent, !target.id.isEmpty else {
                throw invalid("force_transfer needs target_agent with an id", field: "action.target_agent")
            }
            guard action.reason == nil else { throw invalid("force_transfer takes no reason", field: "action.reason") }
        case .blockClaim:
            guard let reason = action.reason, !reason.isEmpty else {
                throw invalid("block_claim needs a reason", field: "action.reason")
            }
            guard action.targetAgent == nil else { throw invalid("block_claim takes no target_agent", field: "action.target_agent") }
        case .undocumented(let type):
            throw invalid("Unknown action type '\(type)'; use force_transfer or block_claim", field: "action.type")
        }
    }

    private static func invalid(_ message: String, field: String) -> ServiceError {
        ServiceError.unprocessable(message, code: "invalid_rule", field: field)
    }
}
