import Foundation
import HandoffRailModels
import HandoffRailStorage

extension HandoffRailService {
    /// Checks a create request against what its schema cannot express — parent, registered
    /// schema, daily handoff quota, agents quota — and returns the packet to insert.
    ///
    /// - Parameter alreadyAdmitted: packets of the same batch admitted before this one; they
    ///   count toward the quotas although they are not committed yet.
    /// - Parameter knownParent: the parent, when the caller already loaded it (chain).
    func preparePacket(
        from create: PacketCreate, caller: APICaller, now: Date, alreadyAdmitted: [Packet], knownParent: Packet? = nil
    ) async throws -> Packet {
        if let parentID = create.parentPacketId, knownParent?.id != parentID {
            guard try await store.packet(id: parentID, tenantID: caller.tenantID) != nil else {
                throw ServiceError.unprocessable("Parent packet \(parentID.uuidString.lowercased()) not found", code: "parent_not_found", field: "parent_packet_id")
            }
        }
        if let schemaID = create.schemaId {
            try await validateCustom(create.context.custom, againstSchema: schemaID, tenantID: caller.tenantID)
        }
        let packet = PacketFactory.packet(from: create, now: now)
        try await checkDailyQuota(caller: caller, now: now, alreadyAdmitted: alreadyAdmitted.count)
        try await checkAgentQuota(for: packet, caller: caller, alreadyAdmitted: alreadyAdmitted)
        return packet
    }

    /// The free tier's handoffs/day (or the tenant's own `handoffs_per_day`), unless the
    /// operator turned the daily limit off (`HR_DISABLE_DAILY_LIMIT=1`).
    func checkDailyQuota(caller: APICaller, now: Date, alreadyAdmitted: Int) async throws {
        guard !configuration.dailyLimitDisabled, let tierLimit = configuration.limits(for: caller.tier).handoffsPerDay else { return }
        let limit = try await store.tenant(id: caller.tenantID)?.handoffsPerDay ?? tierLimit
        let startOfDay = Self.startOfUTCDay(now)
        let used = try await store.packetsCreated(tenantID: caller.tenantID, since: startOfDay) + alreadyAdmitted
        guard used < limit else {
            throw ServiceError.tooManyRequests(
                "Daily handoff limit reached (\(limit) per day on the \(caller.tier.rawValue) tier). Try again after 00:00 UTC.",
                code: "daily_limit_exceeded",
                field: "handoffs_per_day"
            )
        }
    }

    /// Distinct source and target agent ids per tenant, as the tier allows.
    func checkAgentQuota(for packet: Packet, caller: APICaller, alreadyAdmitted: [Packet]) async throws {
        guard let limit = configuration.limits(for: caller.tier).maxAgents else { return }
        let known: Set<String>
        if let cached = knownAgents.agents(of: caller.tenantID) {
            known = cached
        } else {
            known = try await store.agentIDs(tenantID: caller.tenantID)
            knownAgents.insert(known, for: caller.tenantID)
        }
        var wanted = Set([packet.metadata.sourceAgent.id, packet.metadata.targetAgent.id])
        for admitted in alreadyAdmitted {
            wanted.insert(admitted.metadata.sourceAgent.id)
            wanted.insert(admitted.metadata.targetAgent.id)
        }
        let newAgents = wanted.subtracting(known)
        guard known.count + newAgents.count <= limit else {
            throw ServiceError.forbidden(
                "Agent limit reached: the \(caller.tier.rawValue) tier allows \(limit) distinct agents per tenant",
                code: "quota_exceeded",
                field: "agents"
            )
        }
    }

    static func startOfUTCDay(_ date: Date) -> Date {
        let seconds = date.timeIntervalSince1970
        return Date(timeIntervalSince1970: seconds - seconds.truncatingRemainder(dividingBy: 86_400))
    }
}
