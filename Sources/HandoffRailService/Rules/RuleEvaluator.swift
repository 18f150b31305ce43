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
    let forceTransferRules: [HandoffRule]
    /// Enabled `block_claim` rules in evaluation order.
    let blockClaimRules: [HandoffRule]

    /// An evaluator with no rules.
    static let empty = RuleEvaluator(rules: [])

    /// Keeps the enabled rules, split by kind, in evaluation order (built once per load of the
    /// tenant's rules, not per request).
    init(rules: [HandoffRule]) {
        let enabled = rules.filter(\.enabled).sorted(by: Self.evaluatesBefore)
        forceTransferRules = enabled.filter { $0.action.type == .forceTransfer }
        blockClaimRules = enabled.filter { $0.action.type == .blockClaim }
    }

    /// The evaluation order: `order`, then `created_at`, then `id` (lowercase text).
    static func evaluatesBefore(_ lhs: HandoffRule, _ rhs: HandoffRule) -> Bool {
        if lhs.order != rhs.order { return lhs.order < rhs.order }
        if lhs.createdAt != rhs.createdAt { return lhs.createdAt < rhs.createdAt }
        return lhs.id.uuidString.lowercased() < rhs.id.uuidString.lowercased()
    }

    /// The winning `force_transfer` rule for a packet being created, and where it routes it.
    func forcedTransfer(for packet: JSONValue) -> ForcedTransfer? {
        guard let rule = forceTransferRules.first(where: { Self.applies($0, to: packet) }), let target = rule.action.targetAgent else {
            return nil
        }
        return ForcedTransfer(
            rule: rule, target: TargetAgentInfo(id: target.id, name: target.name ?? target.id, framework: target.framework))
    }

    /// The `block_claim` rule refusing a claim: the first, in evaluation order, whose `match`
    /// applies to the packet and whose release `condition` does not hold yet. A rule without
    /// a condition (refused when written; only possible for older rows) never releases.
    func claimBlock(for packet: JSONValue) -> ClaimBlock? {
        let blocking = blockClaimRules.first { rule in
            Self.matches(rule.match, packet: packet) && !(rule.condition.map { Self.holds($0, packet: packet) } ?? false)
        }
        guard let rule = blocking else { return nil }
        return ClaimBlock(rule: rule, reason: rule.action.reason ?? "Blocked by rule \(rule.name)")
    }

    /// Whether a rule's `match` and `condition` hold for a packet (enabled or not).
    static func applies(_ rule: HandoffRule, to packet: JSONValue) -> Bool {
        matches(rule.match, packet: packet) && (rule.condition.map { holds($0, packet: packet) } ?? true)
    }

    static func matches(_ match: HandoffRuleMatch, packet: JSONValue) -> Bool {
        if let source = match.sourceAgent, packet["metadata"]?["source_agent"]?["id"] != .string(source) { return false }
        if let target = match.targetAgent, packet["metadata"]?["target_agent"]?["id"] != .string(target) { return false }
        return true
    }

    /// `and`: every comparison holds; `or`: at least one does. A comparison naming an
    /// unsupported variable (only possible for rows written by a newer build) is false.
    static func holds(_ condition: HandoffRuleCondition, packet: JSONValue) -> Bool {
        let results = condition.comparisons.lazy.map { comparison -> Bool in
            guard let variable = RuleVariable(parsing: comparison.variable) else { return false }
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
