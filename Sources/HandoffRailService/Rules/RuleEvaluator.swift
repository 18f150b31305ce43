import Foundation
import HandoffRailModels

/// Decides which handoff rule applies to a packet: pure, over the packet's wire JSON and the
/// tenant's rules, so it is tested as tables of packet + rules → outcome.
///
/// Enabled rules are considered in evaluation order — ascending `order`, then `created_at`,
/// then `id`. The two kinds read their condition differently:
/// - `force_transfer`: the condition is the trigger — the first rule whose `match` and
///   `condition` hold routes the packet.
/// - `block_claim`: the condition is the release condition — each rule is a gate, and the
///   first rule whose `match` applies and whose `condition` does NOT hold yet blocks the
///   claim (e.g. `refunds-need-approval`: `context.custom.approved eq true`, so claims wait
///   until someone sets `approved` to true).
///
/// ```swift
/// let evaluator = RuleEvaluator(rules: try await store.rules(tenantID: tenant))
/// if let forced = evaluator.forcedTransfer(for: packetJSON) { packet.metadata.targetAgent = forced.target }
/// if let block = evaluator.claimBlock(for: packetJSON) { throw … block.reason … }
/// ```
struct RuleEvaluator: Sendable {
    /// Enabled `force_transfer` rules in evaluation order.
    let forceTransferRules: [PreparedRule]
    /// Enabled `block_claim` rules in evaluation order.
    let blockClaimRules: [PreparedRule]

    /// An evaluator with no rules.
    static let empty = RuleEvaluator(rules: [])

    /// Keeps the enabled rules, split by kind, in evaluation order, their variables parsed
    /// (built once per load of the tenant's rules, not per request).
    init(rules: [HandoffRule]) {
        let enabled = rules.filter(\.enabled).sorted(by: Self.evaluatesBefore).map(PreparedRule.init)
        forceTransferRules = enabled.filter { $0.rule.action.type == .forceTransfer }
        blockClaimRules = enabled.filter { $0.rule.action.type == .blockClaim }
    }

    /// The evaluation order: `order`, then `created_at`, then `id` (lowercase text).
    static func evaluatesBefore(_ lhs: HandoffRule, _ rhs: HandoffRule) -> Bool {
        if lhs.order != rhs.order { return lhs.order < rhs.order }
        if lhs.createdAt != rhs.createdAt { return lhs.createdAt < rhs.createdAt }
        return lhs.id.uuidString.lowercased() < rhs.id.uuidString.lowercased()
    }

    /// The winning `force_transfer` rule for a packet being created, and where it routes it.
    func forcedTransfer(for packet: JSONValue) -> ForcedTransfer? {
        guard let prepared = forceTransferRules.first(where: { $0.matches(packet) && ($0.conditionHolds(in: packet) ?? true) }),
              let target = prepared.rule.action.targetAgent
        else {
            return nil
        }
        return ForcedTransfer(
            rule: prepared.rule, target: TargetAgentInfo(id: target.id, name: target.name ?? target.id, framework: target.framework))
    }

    /// The `block_claim` rule refusing a claim: the first, in evaluation order, whose `match`
    /// applies to the packet and whose release `condition` does not hold yet. A rule without
    /// a condition (refused when written; only possible for older rows) never releases.
    func claimBlock(for packet: JSONValue) -> ClaimBlock? {
        guard let prepared = blockClaimRules.first(where: { $0.matches(packet) && !($0.conditionHolds(in: packet) ?? false) }) else {
            return nil
        }
        return ClaimBlock(rule: prepared.rule, reason: prepared.rule.action.reason ?? "Blocked by rule \(prepared.rule.name)")
    }

    /// A rule with its condition's variables parsed once.
    struct PreparedRule: Sendable {
        let rule: HandoffRule
        /// The condition's comparisons, each with its variable; nil for a variable this build
        /// does not support (only possible for rows written by a newer build), which is false.
        let comparisons: [(variable: RuleVariable?, comparison: HandoffRuleComparison)]

        init(_ rule: HandoffRule) {
            self.rule = rule
            comparisons = rule.condition?.comparisons.map { (RuleVariable(parsing: $0.variable), $0) } ?? []
        }

        /// Whether the rule's `match` (source and target agent ids) holds.
        func matches(_ packet: JSONValue) -> Bool {
            if let source = rule.match.sourceAgent, packet["metadata"]?["source_agent"]?["id"] != .string(source) { return false }
            if let target = rule.match.targetAgent, packet["metadata"]?["target_agent"]?["id"] != .string(target) { return false }
            return true
        }

        /// `and`: every comparison holds; `or`: at least one does; nil without a condition.
        func conditionHolds(in packet: JSONValue) -> Bool? {
            guard let condition = rule.condition else { return nil }
            let results = comparisons.lazy.map { variable, comparison -> Bool in
                guard let variable else { return false }
                return RuleComparisonEvaluator.holds(
                    comparison.op, actual: variable.resolve(in: packet), expected: comparison.value, priorityOrder: variable.isPriority)
            }
            switch condition.operator {
            case .and: return results.allSatisfy { $0 }
            case .or: return results.contains(true)
            case .undocumented: return false
            }
        }
    }
}

/// A `force_transfer` outcome: the rule and the agent the packet now goes to.
struct ForcedTransfer: Sendable, Hashable {
    var rule: HandoffRule
    var target: TargetAgentInfo
}

/// A `block_claim` outcome: the rule refusing the claim and its reason.
struct ClaimBlock: Sendable, Hashable {
    var rule: HandoffRule
    var reason: String
}
