import Foundation
import HandoffRailModels
import HandoffRailStorage

extension HandoffRailService {
    /// Checks a create request against what its schema cannot express — parent, registered
    /// schema, daily handoff quota — routes it by the tenant's `force_transfer` rules, then
    /// checks the agents quota once on the routed packet, and returns the packet to insert.
    ///
    /// - Parameter dailyQuota: the quota as read once for the whole request (nil: none applies).
    /// - Parameter alreadyAdmitted: packets of the same batch admitted before this one; they
    ///   count toward the quotas although they are not committed yet.
    /// - Parameter rules: the tenant's handoff rules, read once for the whole request.
    /// - Parameter knownParent: the parent, when the caller already loaded it (chain).
    func preparePacket(
        from create: PacketCreate, caller: APICaller, now: Date, dailyQuota: DailyQuota?, alreadyAdmitted: [Packet],
        rules: RuleEvaluator, knownParent: Packet? = nil
    ) async throws -> RoutedPacket {
        if let parentID = create.parentPacketId, knownParent?.id != parentID {
            guard try await store.packet(id: parentID, tenantID: caller.tenantID) != nil else {
                throw ServiceError.unprocessable("Parent packet \(parentID.uuidString.lowercased()) not found", code: "parent_not_found", field: "parent_packet_id")
            }
        }
        if let schemaID = create.schemaId {
            try await validateCustom(create.context.custom, againstSchema: schemaID, tenantID: caller.tenantID)
        }
        let packet = PacketFactory.packet(from: create, now: now)
        if let dailyQuota, dailyQuota.usedBefore + alreadyAdmitted.count >= dailyQuota.limit.maximum {
            throw dailyLimitReached(dailyQuota.limit, caller: caller, now: now)
        }
        let routed = try Self.routeByRules(packet, rules: rules)
        try await checkAgentQuota(for: routed.packet, caller: caller, alreadyAdmitted: alreadyAdmitted)
        return routed
    }

    /// The daily handoff quota as it stands when a create request starts.
    struct DailyQuota {
        /// Passed to the store's commit, which re-counts inside the write transaction so
        /// concurrent creates cannot overshoot it.
        var limit: CreationLimit
        /// Packets the tenant created today before this request: lets a used-up quota fail
        /// before any write.
        var usedBefore: Int
    }

    /// The daily quota that applies to the caller — the tier's handoffs/day, or the tenant's
    /// own `handoffs_per_day` — read once per request; nil when unlimited or turned off
    /// (`HR_DISABLE_DAILY_LIMIT=1`).
    func dailyQuota(caller: APICaller, now: Date) async throws -> DailyQuota? {
        guard !configuration.dailyLimitDisabled, let tierLimit = configuration.limits(for: caller.tier).handoffsPerDay else { return nil }
        let maximum = try await store.tenant(id: caller.tenantID)?.handoffsPerDay ?? tierLimit
        let limit = CreationLimit(tenantID: caller.tenantID, since: Self.startOfUTCDay(now), maximum: maximum)
        return DailyQuota(limit: limit, usedBefore: try await store.packetsCreated(tenantID: caller.tenantID, since: limit.since))
    }

    /// The protocol's 429 for a used-up daily quota, with `Retry-After` until 00:00 UTC.
    func dailyLimitReached(_ limit: CreationLimit, caller: APICaller, now: Date) -> ServiceError {
        ServiceError.tooManyRequests(
            "Daily handoff limit reached (\(limit.maximum) per day on the \(caller.tier.rawValue) tier). Try again after 00:00 UTC.",
            code: "daily_limit_exceeded",
            field: "handoffs_per_day",
            retryAfterSeconds: Int(limit.since.addingTimeInterval(86_400).timeIntervalSince(now).rounded(.up))
        )
    }

    /// Commits creates under the daily quota: a commit the store refuses for the quota
    /// becomes the protocol's 429.
    @discardableResult
    func commitCreates(
        _ changes: [PacketChange], idempotency: IdempotencyRecord?, dailyQuota: DailyQuota?, caller: APICaller, now: Date
    ) async throws -> [StoredPacket] {
        do {
            return try await commitAnnouncing(changes, idempotency: idempotency, creationLimit: dailyQuota?.limit)
        } catch let error as StoreError where error.code == .limitExceeded {
            guard let dailyQuota else { throw error }
            throw dailyLimitReached(dailyQuota.limit, caller: caller, now: now)
        }
    }

    /// Distinct source and target agent ids per tenant, as the tier allows.
    func checkAgentQuota(for packet: Packet, caller: APICaller, alreadyAdmitted: [Packet]) async throws {
        var wanted = Set([packet.metadata.sourceAgent.id, packet.metadata.targetAgent.id])
        for admitted in alreadyAdmitted {
            wanted.insert(admitted.metadata.sourceAgent.id)
            wanted.insert(admitted.metadata.targetAgent.id)
        }
        try await checkAgentQuota(agentIDs: wanted, caller: caller)
    }

    /// Fails when naming `agentIDs` would take the tenant past its tier's distinct agents.
    func checkAgentQuota(agentIDs wanted: Set<String>, caller: APICaller) async throws {
        guard let limit = configuration.limits(for: caller.tier).maxAgents else { return }
        let known: Set<String>
        if let cached = knownAgents.agents(of: caller.tenantID) {
            known = cached
        } else {
            known = try await store.agentIDs(tenantID: caller.tenantID)
            knownAgents.insert(known, for: caller.tenantID)
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
