import Foundation
import HandoffRailModels
import HandoffRailStorage

/// A claim lost to an earlier one: answered as 409 with the claimant (object `detail`).
struct ClaimConflict: Error {
    var message: String
    var claimedBy: TargetAgentInfo
}

extension HandoffRailService {
    /// Claims a packet for an agent: `created` (or `failed`, a retry) → `claimed`, the
    /// claimer becomes `metadata.target_agent`, `claimed_at` is set.
    ///
    /// - Throws: ``ClaimConflict`` when it is claimed or in progress already; 410 when
    ///   expired; 400 ("Cannot transition …") from other statuses; ``RuleBlockedClaim``
    ///   until every applicable `block_claim` handoff rule's condition holds on the packet.
    func claim(packetID: UUID, request: ClaimRequest, caller: APICaller) async throws -> Packet {
        // The claimer becomes the packet's target agent, so it counts toward the agents quota.
        try await checkAgentQuota(agentIDs: [request.agentId], caller: caller)
        let rules = try await tenantRules(caller)
        let packet = try await mutatePacket(id: packetID, caller: caller) { stored, now in
            var packet = stored.packet
            switch packet.status {
            case .claimed, .inProgress:
                throw ClaimConflict(message: "Packet \(packetID.uuidString.lowercased()) is already claimed", claimedBy: packet.metadata.targetAgent)
            case .expired:
                throw ServiceError.gone("Packet \(packetID.uuidString.lowercased()) has expired")
            case .awaitingHuman:
                throw ServiceError.badRequest(
                    "Cannot transition from awaiting_human to claimed by a claim: the packet waits for a human response (POST /respond)",
                    code: "invalid_transition", field: "status"
                )
            default:
                try PacketLifecycle.checkTransition(from: packet.status, to: .claimed)
            }
            // Block rules see the packet as stored in the revision this claim commits against.
            try checkClaimRules(rules, packet: packet)
            let previous = packet.status
            packet.metadata.targetAgent = TargetAgentInfo(id: request.agentId, name: request.agentName, framework: request.framework)
            Self.enter(.claimed, packet: &packet, now: now)
            packet.metadata.claimedAt = now
            var recorder = PacketChangeRecorder(updating: stored, to: packet, now: now)
            var details: [String: JSONValue] = ["agent_id": .string(request.agentId), "agent_name": .string(request.agentName), "from": .string(previous.rawValue)]
            if let framework = request.framework { details["framework"] = .string(framework) }
            recorder.record(.claimed, actor: "agent:\(request.agentId)", details: details, event: .packetClaimed)
            return recorder
        }
        metrics.handoff(event: "claimed")
        knownAgents.insert([request.agentId], for: caller.tenantID)
        return packet
    }

    /// Moves a packet into `status` with the timestamps that status carries.
    static func enter(_ status: PacketStatus, packet: inout Packet, now: Date) {
        packet.status = status
        packet.updatedAt = now
        switch status {
        case .claimed where packet.metadata.claimedAt == nil:
            packet.metadata.claimedAt = now
        case .completed:
            packet.metadata.completedAt = now
        default:
            break
        }
    }

    /// Decisions sent in a PATCH merge by id: same id replaces, a new id is appended.
    static func merge(_ incoming: [Decision], into existing: [Decision]) -> [Decision] {
        var merged = existing
        for decision in incoming {
            if let index = merged.firstIndex(where: { $0.id == decision.id }) {
                merged[index] = decision
            } else {
                merged.append(decision)
            }
        }
        return merged
    }

    /// When the packet last entered `awaiting_human`: the latest such history step, or its
    /// creation when it was created awaiting.
    static func awaitingSince(_ packet: Packet, history: [PacketEvent]) -> Date? {
        let entered = history.last { $0.eventType == PacketChangeRecorder.Step.awaitingHuman.rawValue }
        return entered?.timestamp ?? packet.createdAt
    }

    static func checkBatchSize(_ count: Int) throws {
        guard count > 0 else {
            throw ServiceError.unprocessable("packet_ids must contain at least one id", code: "batch_empty", field: "packet_ids")
        }
        guard count <= maximumBatchSize else {
            throw ServiceError.badRequest("Batch size exceeds the maximum of \(maximumBatchSize) items", code: "batch_too_large", field: "packet_ids")
        }
    }

    static func batchPacketID(_ raw: String) throws -> UUID {
        guard let id = UUID(uuidString: raw) else {
            throw ServiceError.notFound("Packet \(raw) not found: not a valid UUID")
        }
        return id
    }
}
