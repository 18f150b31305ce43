import Foundation
import GRDB
import HandoffRailModels
import HandoffRailStorage

extension SQLiteStore {
    /// Every figure of ``PacketStatistics`` from a handful of aggregate queries on one snapshot.
    /// `tenantID == nil` aggregates over all tenants.
    public func packetStatistics(tenantID: String?, now: Date) async throws -> PacketStatistics {
        let scope: SQL = tenantID.map { SQL("tenant_id = \($0)") } ?? "1"
        let nowMicros = now.databaseMicroseconds
        let hourAgo = nowMicros - 3_600_000_000
        let dayAgo = nowMicros - 86_400_000_000
        return try await reading { db in
            var statistics = PacketStatistics()
            for row in try Row.fetchAll(db, sqlRequest("SELECT status, COUNT(*) AS n FROM packets WHERE \(scope) GROUP BY status")) {
                statistics.byStatus[row["status"]] = row["n"]
            }
            statistics.total = statistics.byStatus.values.reduce(0, +)
            let totals = try Row.fetchOne(db, sqlRequest("""
                SELECT
                    COUNT(CASE WHEN created_at >= \(hourAgo) THEN 1 END) AS last_hour,
                    COUNT(CASE WHEN created_at >= \(dayAgo) THEN 1 END) AS last_day,
                    AVG(claimed_at - created_at) AS claim_micros,
                    AVG(completed_at - created_at) AS complete_micros,
                    MIN(CASE WHEN status = \(PacketStatus.created.rawValue) THEN created_at END) AS oldest_waiting
                FROM packets WHERE \(scope)
                """))
            if let totals {
                statistics.createdLastHour = totals["last_hour"]
                statistics.createdLastDay = totals["last_day"]
                statistics.averageClaimSeconds = (totals["claim_micros"] as Double?).map { $0 / 1_000_000 }
                statistics.averageCompleteSeconds = (totals["complete_micros"] as Double?).map { $0 / 1_000_000 }
                statistics.oldestWaitingCreatedAt = try totals.optionalDate("oldest_waiting")
            }
            statistics.waiting = statistics.byStatus[PacketStatus.created.rawValue] ?? 0
            statistics.claimedNotCompleted = (statistics.byStatus[PacketStatus.claimed.rawValue] ?? 0)
                + (statistics.byStatus[PacketStatus.inProgress.rawValue] ?? 0)

            let agents = SQL("""
                SELECT seq, source_agent_id AS agent, source_agent_name AS name, updated_at FROM packets WHERE \(scope)
                UNION ALL
                SELECT seq, target_agent_id, target_agent_name, updated_at FROM packets WHERE \(scope)
                """)
            statistics.totalAgentsSeen = try Int.fetchOne(db, sqlRequest("SELECT COUNT(DISTINCT agent) FROM (\(agents))")) ?? 0
            statistics.activeAgents = try Int.fetchOne(db, sqlRequest("""
                SELECT COUNT(DISTINCT agent) FROM (\(agents)) WHERE updated_at >= \(dayAgo)
                """)) ?? 0
            // A bare column next to MAX() takes its value from the row holding the maximum:
            // `name` is the name on the agent's most recently updated packet.
            statistics.topAgents = try Row.fetchAll(db, sqlRequest("""
                SELECT agent, name, MAX(updated_at), COUNT(DISTINCT seq) AS packet_count FROM (\(agents))
                GROUP BY agent ORDER BY packet_count DESC, agent LIMIT 10
                """)).map { row in
                TopAgent(agentId: row["agent"], agentName: row["name"], packetCount: row["packet_count"])
            }
            return statistics
        }
    }

    public func packetsCreated(tenantID: String, since: Date) async throws -> Int {
        try await reading { db in
            let statement = try db.cachedStatement(sql: "SELECT COUNT(*) FROM packets WHERE tenant_id = ? AND created_at >= ?")
            return try Int.fetchOne(statement, arguments: [tenantID, since.databaseMicroseconds]) ?? 0
        }
    }

    public func agentIDs(tenantID: String) async throws -> Set<String> {
        try await reading { db in
            let statement = try db.cachedStatement(sql: """
                SELECT source_agent_id FROM packets WHERE tenant_id = ?
                UNION SELECT target_agent_id FROM packets WHERE tenant_id = ?
                """)
            return Set(try String.fetchAll(statement, arguments: [tenantID, tenantID]))
        }
    }
}
