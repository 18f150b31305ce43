import ArgumentParser
import HandoffRailModels

/// Parses `--when 'VARIABLE OP [VALUE]'` into a rule comparison.
///
/// The value is read as JSON when it is valid JSON (`1000`, `true`, `["a","b"]`, `"quoted"`)
/// and as a plain string otherwise (`gold`, `high`); `exists` may omit it.
///
/// ```swift
/// try RuleComparisonArgument.parse("context.custom.amount gt 1000")
/// // HandoffRuleComparison(variable: "context.custom.amount", op: .gt, value: .integer(1000))
/// ```
enum RuleComparisonArgument {
    static func parse(_ text: String) throws -> HandoffRuleComparison {
        let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 2 else {
            throw ValidationError("--when needs 'VARIABLE OP [VALUE]', e.g. 'metadata.priority ge high', got \"\(text)\"")
        }
        let op = try ArgumentParsing.knownCase(parts[1], as: HandoffRuleComparisonOp.self)
        guard parts.count == 3 else {
            guard op == .exists else { throw ValidationError("--when '\(text)': \(op.rawValue) needs a value") }
            return HandoffRuleComparison(variable: parts[0], op: op)
        }
        let raw = parts[2].trimmingCharacters(in: .whitespaces)
        let value = (try? JSONValue(parsing: raw)) ?? .string(raw)
        return HandoffRuleComparison(variable: parts[0], op: op, value: value)
    }
}
