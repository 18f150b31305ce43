import Foundation
import HandoffRailModels
import HandoffRailStorage

/// `/stats` (one tenant) and `/system/health` (the whole installation). On an empty system
/// counts are 0, averages and ages null, maps `{}` and lists `[]`.
extension HandoffRailService {
    public func getStats(_ input: Operations.GetStats.Input, caller: APICaller) async throws -> Operations.GetStats.Output {
        let statistics = try await store.packetStatistics(tenantID: caller.tenantID, now: clock.now())
        return .ok(Stats(
            totalPackets: statistics.total,
            packetsByStatus: statistics.byStatus,
            packetsLast24h: statistics.createdLastDay,
            avgClaimTimeSeconds: statistics.averageClaimSeconds,
            hitlQueueDepth: statistics.byStatus[PacketStatus.awaitingHuman.rawValue] ?? 0,
            activeWsConnections: probes.activeEventConnections(caller.tenantID)
        ))
    }

    public func getSystemHealth(_ input: Operations.GetSystemHealth.Input, caller: APICaller) async throws -> Operations.GetSystemHealth.Output {
        let now = clock.now()
        let packets = try await store.packetStatistics(tenantID: nil, now: now)
        let deliveries = try await store.deliveryStatistics(since: now.addingTimeInterval(-3_600))
        // Counts are global (PROTOCOL: "admin, global"), but names and key ids are not another
        // tenant's business: an admin outside the operator tenant sees only its own.
        var topAgents = packets.topAgents
        var requestsPerKey = probes.requestsLastHourPerKey()
        if caller.tenantID != configuration.operatorTenantID {
            topAgents = try await store.packetStatistics(tenantID: caller.tenantID, now: now).topAgents
            let ownKeyIDs = Set(try await store.keys(tenantID: caller.tenantID).map { $0.id.uuidString.lowercased() })
            requestsPerKey = requestsPerKey.filter { ownKeyIDs.contains($0.key) }
        }
        return .ok(SystemHealth(
            version: configuration.version,
            uptimeSeconds: max(0, now.timeIntervalSince(probes.startedAt)),
            environment: configuration.environment,
            databaseBackend: store.backendName,
            totalPackets: packets.total,
            packetsByStatus: packets.byStatus,
            packetsCreatedLast1h: packets.createdLastHour,
            packetsCreatedLast24h: packets.createdLastDay,
            avgTimeToClaimSeconds: packets.averageClaimSeconds,
            avgTimeToCompleteSeconds: packets.averageCompleteSeconds,
            activeAgents: packets.activeAgents,
            totalAgentsSeen: packets.totalAgentsSeen,
            topAgents: topAgents,
            packetsWaiting: packets.waiting,
            oldestWaitingPacketAgeSeconds: packets.oldestWaitingCreatedAt.map { max(0, now.timeIntervalSince($0)) },
            claimedNotCompleted: packets.claimedNotCompleted,
            totalWebhooks: try await store.activeHookCount(tenantID: nil),
            recentDeliveries1h: deliveries.recent,
            failedDeliveries1h: deliveries.failed,
            avgDeliveryLatencyMs: deliveries.averageLatencyMs,
            dbSizeBytes: try await store.databaseSizeBytes(),
            connectionPool: store.connectionPoolDescription(),
            activeApiKeys: try await store.activeKeyCount(tenantID: nil),
            requestsLast1hPerKey: requestsPerKey
        ))
    }
}
