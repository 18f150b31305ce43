import Foundation
import GRDB
import HandoffRailModels
import HandoffRailStorage

extension SQLiteStore {
    public func packet(id: UUID, tenantID: String) async throws -> StoredPacket? {
        try await reading { db in
            let statement = try db.cachedStatement(sql: "SELECT revision, document FROM packets WHERE id = ? AND tenant_id = ?")
            let rows = try Row.fetchCursor(statement, arguments: [id.databaseText, tenantID])
            guard let row = try rows.next() else { return nil }
            let revision: Int64 = row[0]
            let document: Data = row[1]
            let packet = try HandoffRailJSON.decode(Packet.self, from: document)
            return StoredPacket(tenantID: tenantID, packet: packet, revision: revision)
        }
    }

    /// Newest first; `total` ignores paging; with a cursor, a keyset condition replaces the offset.
    public func packets(matching query: PacketQuery) async throws -> Page<Packet> {
        let filters = PacketFilters(query)
        return try await reading { db in
            let total = try Int.fetchOne(db, sqlRequest("SELECT COUNT(*) FROM packets WHERE \(filters.condition)")) ?? 0
            var condition = filters.condition
            var offset = query.offset
            if let cursor = query.cursor {
                let position = SQL("(created_at, id) < (\(cursor.createdAt.databaseMicroseconds), \(cursor.id.databaseText))")
                condition = SQL.allOf([condition, position])
                offset = 0
            }
            let rows = try Row.fetchAll(db, sqlRequest("""
                SELECT created_at, id, document FROM packets WHERE \(condition)
                ORDER BY created_at DESC, id DESC LIMIT \(max(query.limit, 0)) OFFSET \(max(offset, 0))
                """))
            let packets = try rows.map { try $0.json(Packet.self, "document") }
            var next: PacketCursor?
            if query.limit > 0, rows.count == query.limit, let last = rows.last {
                next = PacketCursor(createdAt: try last.date("created_at"), id: try last.uuid("id"))
            }
            return Page(rows: packets, total: total, next: next)
        }
    }

    public func history(packetID: UUID, tenantID: String) async throws -> [PacketEvent] {
        try await reading { db in
            let statement = try db.cachedStatement(sql: """
                SELECT id, packet_id, event_type, actor, details, timestamp FROM packet_history
                WHERE packet_id = ? AND tenant_id = ? ORDER BY seq
                """)
            return try Row.fetchAll(statement, arguments: [packetID.databaseText, tenantID]).map { row in
                PacketEvent(
                    id: try row.uuid("id"), packetId: try row.uuid("packet_id"), eventType: row["event_type"],
                    actor: row["actor"], details: try row.optionalJSON([String: JSONValue].self, "details"),
                    timestamp: try row.date("timestamp"))
            }
        }
    }

    public func auditEntries(matching query: AuditQuery) async throws -> Page<AuditEntry> {
        var conditions: [SQL] = [SQL("tenant_id = \(query.tenantID)")]
        if let actor = query.actor { conditions.append(SQL("actor = \(actor)")) }
        if let action = query.action { conditions.append(SQL("action = \(action)")) }
        if let packetID = query.packetID { conditions.append(SQL("packet_id = \(packetID.databaseText)")) }
        if let after = query.createdAfter { conditions.append(SQL("timestamp >= \(after.databaseMicroseconds)")) }
        if let before = query.createdBefore { conditions.append(SQL("timestamp <= \(before.databaseMicroseconds)")) }
        let condition = SQL.allOf(conditions)
        return try await reading { db in
            let total = try Int.fetchOne(db, sqlRequest("SELECT COUNT(*) FROM audit_log WHERE \(condition)")) ?? 0
            let entries = try Row.fetchAll(db, sqlRequest("""
                SELECT id, packet_id, actor, action, resource, details, timestamp FROM audit_log WHERE \(condition)
                ORDER BY seq DESC LIMIT \(max(query.limit, 0)) OFFSET \(max(query.offset, 0))
                """)).map { row in
                AuditEntry(
                    id: try row.uuid("id"), packetId: try row.uuid("packet_id"), actor: row["actor"],
                    action: row["action"], resource: row["resource"],
                    details: try row.json([String: JSONValue].self, "details"), timestamp: try row.date("timestamp"))
            }
            return Page(rows: entries, total: total)
        }
    }

    public func idempotencyRecord(tenantID: String, key: String, notBefore: Date) async throws -> IdempotencyRecord? {
        try await reading { db in
            let statement = try db.cachedStatement(sql: """
                SELECT request_hash, status_code, response_body, created_at FROM idempotency_keys
                WHERE tenant_id = ? AND key = ? AND created_at >= ?
                """)
            guard let row = try Row.fetchOne(statement, arguments: [tenantID, key, notBefore.databaseMicroseconds]) else {
                return nil
            }
            return IdempotencyRecord(
                tenantID: tenantID, key: key, requestHash: row["request_hash"], statusCode: row["status_code"],
                responseBody: row["response_body"], createdAt: try row.date("created_at"))
        }
    }

    public func outboxEvents(after sequence: Int64, limit: Int) async throws -> [OutboxEvent] {
        try await reading { db in
            let statement = try db.cachedStatement(sql: "SELECT seq, id, tenant_id, event FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?")
            return try Row.fetchAll(statement, arguments: [sequence, max(limit, 0)]).map { row in
                OutboxEvent(
                    sequence: row["seq"], id: try row.uuid("id"), tenantID: row["tenant_id"],
                    event: try row.json(Event.self, "event"))
            }
        }
    }
}
