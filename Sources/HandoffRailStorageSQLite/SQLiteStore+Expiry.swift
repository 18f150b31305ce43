import Foundation
import GRDB
import HandoffRailModels
import HandoffRailStorage

extension SQLiteStore {
    /// The non-terminal statuses, spelled as a literal so SQLite matches the partial indexes
    /// of migration v3 (a bound parameter would not prove the index's `WHERE`).
    static let liveStatusCondition: SQL = "status IN ('created', 'claimed', 'in_progress', 'awaiting_human', 'failed')"

    /// Through `packets_live_created` (live packets by age; one tenant's are filtered from it).
    public func packetsPastTTL(_ query: TTLExpiryQuery) async throws -> [StoredPacket] {
        guard query.limit > 0 else { return [] }
        let scope: SQL
        switch query.scope {
        case .tenant(let tenantID):
            scope = "tenant_id = \(tenantID)"
        case .allTenants(let excluded) where excluded.isEmpty:
            scope = "1"
        case .allTenants(let excluded):
            scope = "tenant_id NOT IN \(Array(excluded))"
        }
        return try await reading { db in
            try Row.fetchAll(db, sqlRequest("""
                SELECT tenant_id, revision, document FROM packets
                WHERE \(Self.liveStatusCondition) AND created_at < \(query.createdBefore.databaseMicroseconds) AND \(scope)
                ORDER BY created_at LIMIT \(query.limit)
                """)).map(Self.storedPacket)
        }
    }

    /// Through `packets_awaiting` (only packets waiting for a human are read); the moment each
    /// entered `awaiting_human` comes from its history (`packet_history_packet`).
    public func packetsPastHITLTimeout(now: Date, limit: Int) async throws -> [StoredPacket] {
        guard limit > 0 else { return [] }
        return try await reading { db in
            try Row.fetchAll(db, sqlRequest("""
                SELECT p.tenant_id, p.revision, p.document FROM packets p
                WHERE p.status = 'awaiting_human'
                    AND json_extract(p.document, '$.hitl.timeout_seconds') IS NOT NULL
                    AND COALESCE(
                        (SELECT MAX(h.timestamp) FROM packet_history h
                         WHERE h.packet_id = p.id AND h.event_type = 'awaiting_human'),
                        p.created_at)
                        + CAST(json_extract(p.document, '$.hitl.timeout_seconds') AS INTEGER) * 1000000
                        < \(now.databaseMicroseconds)
                ORDER BY p.created_at LIMIT \(limit)
                """)).map(Self.storedPacket)
        }
    }

    /// Oldest first, at most `limit` per call (short write transactions). The outbox is appended
    /// in commit order, so the oldest rows are the lowest sequences: it looks at the first
    /// `limit` rows by primary key and deletes those older than `date` — no `created_at` index,
    /// which every commit would have to write.
    public func pruneOutbox(createdBefore date: Date, limit: Int) async throws -> Int {
        guard limit > 0 else { return 0 }
        return try await writing { db in
            try db.execute(literal: """
                DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox ORDER BY seq LIMIT \(limit))
                    AND created_at < \(date.databaseMicroseconds)
                """)
            return db.changesCount
        }
    }

    /// Through `idempotency_keys_created`, at most `limit` per call.
    public func pruneIdempotencyRecords(createdBefore date: Date, limit: Int) async throws -> Int {
        guard limit > 0 else { return 0 }
        return try await writing { db in
            try db.execute(literal: """
                DELETE FROM idempotency_keys WHERE (tenant_id, key) IN (
                    SELECT tenant_id, key FROM idempotency_keys WHERE created_at < \(date.databaseMicroseconds)
                    ORDER BY created_at LIMIT \(limit))
                """)
            return db.changesCount
        }
    }

    private static func storedPacket(_ row: Row) throws -> StoredPacket {
        StoredPacket(tenantID: row["tenant_id"], packet: try row.json(Packet.self, "document"), revision: row["revision"])
    }
}
