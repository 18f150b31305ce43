import Foundation
import GRDB
import HandoffRailModels
import HandoffRailStorage

extension SQLiteStore {
    /// Writes every change, its history, audit, outbox rows and webhook deliveries, and the
    /// idempotency record, in one write transaction.
    ///
    /// An update is one conditional `UPDATE … WHERE id = ? AND tenant_id = ? AND revision = ?`;
    /// when it matches no row the whole transaction rolls back and
    /// `StoreError(.revisionConflict, subject: packetID)` is thrown.
    @discardableResult
    public func commit(_ changes: [PacketChange], idempotency: IdempotencyRecord?, creationLimit: CreationLimit?) async throws -> [StoredPacket] {
        let prepared = try changes.map(PreparedPacketChange.init)
        let inserts = changes.filter { $0.kind == .insert && $0.tenantID == creationLimit?.tenantID }.count
        return try await writing { db in
            if let creationLimit, inserts > 0 {
                let created = try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM packets WHERE tenant_id = ? AND created_at >= ?",
                    arguments: [creationLimit.tenantID, creationLimit.since.databaseMicroseconds]) ?? 0
                guard created + inserts <= creationLimit.maximum else {
                    throw StoreError(.limitExceeded, subject: creationLimit.tenantID)
                }
            }
            var writer = PacketCommitWriter(db: db)
            var stored: [StoredPacket] = []
            stored.reserveCapacity(prepared.count)
            for change in prepared {
                stored.append(try writer.write(change))
            }
            if let idempotency {
                try writer.insert(idempotency)
            }
            return stored
        }
    }
}

/// The statements of one commit transaction, with the tenant's active hooks looked up at most
/// once per tenant per transaction.
struct PacketCommitWriter {
    let db: Database
    /// Active hooks per tenant: id and subscribed event type raw values.
    private var hooksByTenant: [String: [(id: String, events: Set<String>)]] = [:]

    init(db: Database) {
        self.db = db
    }

    mutating func write(_ change: PreparedPacketChange) throws -> StoredPacket {
        let row = change.row
        let seq: Int64
        let revision: Int64
        switch change.kind {
        case .insert:
            try db.cachedStatement(sql: Self.insertPacket).execute(arguments: [
                row.id, row.tenantID, row.status, row.sourceAgentID, row.sourceAgentName, row.targetAgentID,
                row.targetAgentName, row.priority, row.hitlRequired, row.parentPacketID, row.createdAt,
                row.updatedAt, row.claimedAt, row.completedAt, row.document,
            ])
            seq = db.lastInsertedRowID
            revision = 1
            try db.cachedStatement(sql: Self.insertSearch).execute(arguments: [seq, row.searchText.summary, row.searchText.body])
        case .update(let expectedRevision):
            let updated = try Row.fetchOne(
                db.cachedStatement(sql: Self.updatePacket),
                arguments: [
                    row.status, row.sourceAgentID, row.sourceAgentName, row.targetAgentID, row.targetAgentName,
                    row.priority, row.hitlRequired, row.parentPacketID, row.updatedAt, row.claimedAt,
                    row.completedAt, row.document, row.id, row.tenantID, expectedRevision,
                ])
            guard let updated else {
                throw StoreError(.revisionConflict, subject: row.id)
            }
            seq = updated[0]
            revision = updated[1]
            let search = row.searchText
            try db.cachedStatement(sql: Self.updateSearch).execute(arguments: [
                search.summary, search.body, seq, search.summary, search.body,
            ])
            try db.cachedStatement(sql: Self.pruneTags).execute(arguments: [seq, row.tagsJSON])
        }
        if !row.tags.isEmpty {
            let insertTag = try db.cachedStatement(sql: Self.insertTag)
            for tag in row.tags {
                try insertTag.execute(arguments: [seq, row.tenantID, tag])
            }
        }
        try writeLogs(of: change)
        try writeEvents(of: change)
        return StoredPacket(tenantID: row.tenantID, packet: change.packet, revision: revision)
    }

    /// Saves the record; an earlier record of the same key replaces only when it was created
    /// before `record.replacesRecordsCreatedBefore` (expired), else `.duplicate`.
    mutating func insert(_ record: IdempotencyRecord) throws {
        try db.cachedStatement(sql: Self.insertIdempotency).execute(arguments: [
            record.tenantID, record.key, record.requestHash, record.statusCode, record.responseBody,
            record.createdAt.databaseMicroseconds,
            record.replacesRecordsCreatedBefore?.databaseMicroseconds ?? Int64.min,
        ])
        guard db.changesCount > 0 else {
            throw StoreError(.duplicate, subject: "idempotency key")
        }
    }

    private func writeLogs(of change: PreparedPacketChange) throws {
        let tenantID = change.row.tenantID
        if !change.history.isEmpty {
            let insertHistory = try db.cachedStatement(sql: Self.insertHistory)
            for event in change.history {
                try insertHistory.execute(arguments: [
                    event.id, event.packetID, tenantID, event.eventType, event.actor, event.details, event.timestamp,
                ])
            }
        }
        if !change.audit.isEmpty {
            let insertAudit = try db.cachedStatement(sql: Self.insertAudit)
            for entry in change.audit {
                try insertAudit.execute(arguments: [
                    entry.id, tenantID, entry.packetID, entry.actor, entry.action, entry.resource, entry.details,
                    entry.timestamp,
                ])
            }
        }
    }

    private mutating func writeEvents(of change: PreparedPacketChange) throws {
        guard !change.events.isEmpty else { return }
        let tenantID = change.row.tenantID
        let hooks = try activeHooks(tenantID: tenantID)
        let insertOutbox = try db.cachedStatement(sql: Self.insertOutbox)
        for event in change.events {
            try insertOutbox.execute(arguments: [event.id, tenantID, event.payload, event.timestamp])
            for hook in hooks where hook.events.contains(event.type) {
                try db.cachedStatement(sql: Self.insertDelivery).execute(arguments: [
                    UUID().databaseText, hook.id, tenantID, event.id, event.type, event.packetID, event.payload,
                    DeliveryStatus.pending.rawValue, event.timestamp, event.timestamp,
                ])
            }
        }
    }

    private mutating func activeHooks(tenantID: String) throws -> [(id: String, events: Set<String>)] {
        if let cached = hooksByTenant[tenantID] { return cached }
        var hooks: [(id: String, events: Set<String>)] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: Self.selectActiveHooks), arguments: [tenantID])
        while let row = try rows.next() {
            let events = try row.json([String].self, "events")
            hooks.append((id: row["id"], events: Set(events)))
        }
        hooksByTenant[tenantID] = hooks
        return hooks
    }

    // MARK: Statements

    private static let insertPacket = """
        INSERT INTO packets (id, tenant_id, revision, status, source_agent_id, source_agent_name, target_agent_id,
            target_agent_name, priority, hitl_required, parent_packet_id, created_at, updated_at, claimed_at,
            completed_at, document)
        VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    private static let updatePacket = """
        UPDATE packets SET status = ?, source_agent_id = ?, source_agent_name = ?, target_agent_id = ?,
            target_agent_name = ?, priority = ?, hitl_required = ?, parent_packet_id = ?, updated_at = ?,
            claimed_at = ?, completed_at = ?, document = ?, revision = revision + 1
        WHERE id = ? AND tenant_id = ? AND revision = ?
        RETURNING seq, revision
        """

    private static let insertSearch = "INSERT INTO packet_search (rowid, summary, body) VALUES (?, ?, ?)"

    /// Rewrites the index entry only when the text changed (a claim leaves it untouched).
    private static let updateSearch = """
        UPDATE packet_search SET summary = ?, body = ?
        WHERE rowid = ? AND (summary IS NOT ? OR body IS NOT ?)
        """

    /// Drops the tags the packet no longer has; the remaining ones are re-inserted OR IGNORE.
    private static let pruneTags = """
        DELETE FROM packet_tags WHERE packet_seq = ? AND tag NOT IN (SELECT value FROM json_each(?))
        """

    private static let insertTag = "INSERT OR IGNORE INTO packet_tags (packet_seq, tenant_id, tag) VALUES (?, ?, ?)"

    private static let insertHistory = """
        INSERT INTO packet_history (id, packet_id, tenant_id, event_type, actor, details, timestamp)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """

    private static let insertAudit = """
        INSERT INTO audit_log (id, tenant_id, packet_id, actor, action, resource, details, timestamp)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """

    private static let insertOutbox = "INSERT INTO outbox (id, tenant_id, event, created_at) VALUES (?, ?, ?, ?)"

    private static let selectActiveHooks = "SELECT id, events FROM webhooks WHERE tenant_id = ? AND active = 1"

    private static let insertDelivery = """
        INSERT INTO webhook_deliveries (id, webhook_id, tenant_id, event_id, event_type, packet_id, payload, status,
            attempts, next_retry_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
        """

    private static let insertIdempotency = """
        INSERT INTO idempotency_keys (tenant_id, key, request_hash, status_code, response_body, created_at)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (tenant_id, key) DO UPDATE SET
            request_hash = excluded.request_hash, status_code = excluded.status_code,
            response_body = excluded.response_body, created_at = excluded.created_at
        WHERE idempotency_keys.created_at < ?
        """
}
