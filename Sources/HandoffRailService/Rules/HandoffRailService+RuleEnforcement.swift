import Foundation
import HandoffRailModels
import HandoffRailStorage

/// Where the handoff rules act: `force_transfer` on the create paths (create, each batch
/// item, chain) before the packet is stored, `block_claim` inside the conditional update of
/// every way into `claimed` — claim, batch claim, PATCH to `claimed`, and a HITL response to a
/// packet no agent has claimed yet. Both read the tenant's rules through ``RuleCache`` once
/// per request.
extension HandoffRailService {
    /// A packet after the create-time rules: possibly re-routed by a `force_transfer`.
    struct RoutedPacket {
        var packet: Packet
        /// The winning rule and the packet's target as it was sent, when a rule re-routed it.
        var forced: (transfer: ForcedTransfer, originalTarget: TargetAgentInfo)?
    }

    /// Applies the first matching enabled `force_transfer` rule to a packet about to be
    /// created (``preparePacket`` then checks the agents quota on the result). A rule routing
    /// to the agent the packet already targets changes nothing: the target as sent (name,
    /// framework) stays and no history step is recorded.
    static func routeByRules(_ packet: Packet, rules: RuleEvaluator) throws -> RoutedPacket {
        guard !rules.forceTransferRules.isEmpty, let transfer = rules.forcedTransfer(for: try ruleView(of: packet)) else {
            return RoutedPacket(packet: packet)
        }
        let original = packet.metadata.targetAgent
        guard transfer.target.id != original.id else { return RoutedPacket(packet: packet) }
        var routed = packet
        routed.metadata.targetAgent = transfer.target
        return RoutedPacket(packet: routed, forced: (transfer, original))
    }

    /// The claim-time rules: throws ``RuleBlockedClaim`` while a `block_claim` rule applies to
    /// the packet as stored and its release condition does not hold yet.
    func checkClaimRules(_ rules: RuleEvaluator, packet: Packet) throws {
        guard !rules.blockClaimRules.isEmpty, let block = rules.claimBlock(for: try Self.ruleView(of: packet)) else { return }
        metrics.ruleApplied(action: HandoffRuleActionType.blockClaim.rawValue)
        throw RuleBlockedClaim(block: block, currentTarget: packet.metadata.targetAgent)
    }

    /// The packet as rules see it: the parts of its wire JSON that rule variables and matches
    /// can name (``RuleVariable/fixedPaths``, `context.custom`, the agents), so a create or claim
    /// does not encode the conversation, decisions and actions only to drop them.
    static func ruleView(of packet: Packet) throws -> JSONValue {
        .object([
            "metadata": try JSONValueEncoder().encode(packet.metadata),
            "context": .object(["summary": .string(packet.context.summary), "custom": .object(packet.context.custom)]),
            "hitl": packet.hitl.map { .object(["required": .bool($0.required)]) } ?? .null,
            "status": .string(packet.status.rawValue),
            "parent_packet_id": packet.parentPacketId.map { .string($0.uuidString.lowercased()) } ?? .null,
        ])
    }
}

extension PacketChangeRecorder {
    /// Records the `rule_forced_transfer` history step of a re-routed packet (no live event:
    /// the packet's `packet.created` event already carries the new target).
    mutating func recordRules(of routed: HandoffRailService.RoutedPacket) {
        guard let (transfer, original) = routed.forced else { return }
        var originalTarget: [String: JSONValue] = ["id": .string(original.id), "name": .string(original.name)]
        if let framework = original.framework { originalTarget["framework"] = .string(framework) }
        record(.ruleForcedTransfer, actor: "rule:\(transfer.rule.name)", details: [
            "rule": .string(transfer.rule.name),
            "rule_id": .string(transfer.rule.id.uuidString.lowercased()),
            "original_target": .object(originalTarget),
            "target_agent_id": .string(transfer.target.id),
        ], event: nil)
    }
}

/// A claim refused by a `block_claim` rule. `claimPacket` answers it as a 409
/// `ClaimConflictError` with `code: rule_blocked`, `rule`, `rule_id`, `reason`; elsewhere
/// (each id of a batch claim, `updatePacket`, `respondToPacket`) it is a 409 `ErrorDetail`
/// with `code: rule_blocked` and the rule named in `detail`.
struct RuleBlockedClaim: APIErrorConvertible {
    var block: ClaimBlock
    /// The packet's target agent at the time (nobody holds the packet).
    var currentTarget: TargetAgentInfo

    var statusCode: Int { 409 }
    var detail: String { "Claim blocked by rule '\(block.rule.name)': \(block.reason)" }
    var code: String? { "rule_blocked" }

    /// The protocol's 409 body for `claimPacket`.
    var conflictBody: ClaimConflictError {
        ClaimConflictError(
            detail: ClaimConflictDetail(message: detail, claimedBy: currentTarget),
            code: "rule_blocked", rule: block.rule.name, ruleId: block.rule.id, reason: block.reason
        )
    }
}
