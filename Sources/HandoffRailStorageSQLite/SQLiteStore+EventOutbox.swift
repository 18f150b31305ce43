import Foundation
import GRDB
import HandoffRailModels
import HandoffRailStorage

extension SQLiteStore: EventOutboxStore {
    public func latestOutboxSequence() async throws -> Int64 {
        try await reading { db in
            try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM outbox") ?? 0
        }
    }

    /// Reads newest first through `outbox_tenant_seq` (`tenant_id, seq`), then reverses.
    public func recentOutboxEvents(tenantID: String, after sequence: Int64, limit: Int) async throws -> [OutboxEvent] {
        try await reading { db in
            let statement = try db.cachedStatement(sql: """
                SELECT seq, id, tenant_id, event FROM outbox
                WHERE tenant_id = ? AND seq > ? ORDER BY seq DESC LIMIT ?
                """)
            let rows = try Row.fetchAll(statement, arguments: [tenantID, sequence, max(limit, 0)])
            return try rows.reversed().map { row in
                OutboxEvent(
                    sequence: row["seq"], id: try row.uuid("id"), tenantID: row["tenant_id"],
                    event: try row.json(Event.self, "event"))
            }
        }
    }
}
