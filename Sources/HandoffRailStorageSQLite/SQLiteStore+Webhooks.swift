import Foundation
import GRDB
import HandoffRailModels
import HandoffRailStorage

extension SQLiteStore {
    /// Counts the tenant's active hooks and inserts in the same write transaction.
    public func insertHook(_ hook: StoredWebhook, maximumActiveHooks: Int?) async throws -> Bool {
        try await writing { db in
            if let maximumActiveHooks, try Self.activeHookCount(db, tenantID: hook.tenantID) >= maximumActiveHooks {
                return false
            }
            try WebhookRecord(hook).insert(db)
            return true
        }
    }

    public func hooks(tenantID: String) async throws -> [StoredWebhook] {
        try await reading { db in
            try WebhookRecord.fetchAll(
                db, sql: "SELECT * FROM webhooks WHERE tenant_id = ? ORDER BY created_at, seq", arguments: [tenantID]
            ).map(\.hook)
        }
    }

    public func hook(id: UUID, tenantID: String) async throws -> StoredWebhook? {
        try await reading { db in
            try WebhookRecord.fetchOne(
                db, sql: "SELECT * FROM webhooks WHERE id = ? AND tenant_id = ?", arguments: [id.databaseText, tenantID]
            )?.hook
        }
    }

    public func deactivateHook(id: UUID, tenantID: String) async throws -> Bool {
        try await writing { db in
            try db.execute(
                sql: "UPDATE webhooks SET active = 0 WHERE id = ? AND tenant_id = ? AND active = 1",
                arguments: [id.databaseText, tenantID])
            return db.changesCount > 0
        }
    }

    public func activeHookCount(tenantID: String?) async throws -> Int {
        try await reading { db in try Self.activeHookCount(db, tenantID: tenantID) }
    }

    public func deliveries(hookID: UUID, tenantID: String, status: DeliveryStatus?, limit: Int, offset: Int) async throws -> Page<WebhookDelivery> {
        var conditions: [SQL] = [SQL("webhook_id = \(hookID.databaseText)"), SQL("tenant_id = \(tenantID)")]
        if let status { conditions.append(SQL("status = \(status.rawValue)")) }
        return try await deliveryPage(where: SQL.allOf(conditions), limit: limit, offset: offset)
    }

    public func deadLetters(tenantID: String, limit: Int, offset: Int) async throws -> Page<WebhookDelivery> {
        let condition = SQL("tenant_id = \(tenantID) AND status = \(DeliveryStatus.deadLetter.rawValue)")
        return try await deliveryPage(where: condition, limit: limit, offset: offset)
    }

    /// Dead letter → `pending`, attempts 0, due at `date`; the last error stays for the record.
    public func replayDeadLetter(id: UUID, tenantID: String, at date: Date) async throws -> WebhookDelivery? {
        try await writing { db in
            try DeliveryRecord.fetchOne(db, sqlRequest("""
                UPDATE webhook_deliveries SET status = \(DeliveryStatus.pending.rawValue), attempts = 0,
                    next_retry_at = \(date.databaseMicroseconds)
                WHERE id = \(id.databaseText) AND tenant_id = \(tenantID) AND status = \(DeliveryStatus.deadLetter.rawValue)
                RETURNING \(DeliveryRecord.columns)
                """))?.delivery
        }
    }

    public func retryAllDeadLetters(tenantID: String?, at date: Date) async throws -> Int {
        var conditions: [SQL] = [SQL("status = \(DeliveryStatus.deadLetter.rawValue)")]
        if let tenantID { conditions.append(SQL("tenant_id = \(tenantID)")) }
        let condition = SQL.allOf(conditions)
        return try await writing { db in
            try db.execute(literal: SQL("""
                UPDATE webhook_deliveries SET status = \(DeliveryStatus.pending.rawValue), attempts = 0,
                    next_retry_at = \(date.databaseMicroseconds)
                WHERE \(condition)
                """))
            return db.changesCount
        }
    }

    /// Deliveries created at or after `since`, those of them that failed (`failed` or dead),
    /// the mean latency of the delivered ones, and the dead letters of all time.
    public func deliveryStatistics(since: Date) async throws -> DeliveryStatistics {
        let failed = [DeliveryStatus.failed.rawValue, DeliveryStatus.deadLetter.rawValue]
        let dead = DeliveryStatus.deadLetter.rawValue
        let delivered = DeliveryStatus.delivered.rawValue
        return try await reading { db in
            let recent = try Row.fetchOne(db, sqlRequest("""
                SELECT COUNT(*) AS recent,
                    COUNT(CASE WHEN status IN \(failed) THEN 1 END) AS failed,
                    AVG(CASE WHEN status = \(delivered) THEN latency_ms END) AS latency
                FROM webhook_deliveries WHERE created_at >= \(since.databaseMicroseconds)
                """))
            let deadLetters = try Int.fetchOne(db, sqlRequest("SELECT COUNT(*) FROM webhook_deliveries WHERE status = \(dead)")) ?? 0
            return DeliveryStatistics(
                recent: recent?["recent"] ?? 0, failed: recent?["failed"] ?? 0,
                averageLatencyMs: recent?["latency"], deadLetters: deadLetters)
        }
    }

    private func deliveryPage(where condition: SQL, limit: Int, offset: Int) async throws -> Page<WebhookDelivery> {
        try await reading { db in
            let total = try Int.fetchOne(db, sqlRequest("SELECT COUNT(*) FROM webhook_deliveries WHERE \(condition)")) ?? 0
            let deliveries = try DeliveryRecord.fetchAll(db, sqlRequest("""
                SELECT \(DeliveryRecord.columns) FROM webhook_deliveries WHERE \(condition)
                ORDER BY created_at DESC, seq DESC LIMIT \(max(limit, 0)) OFFSET \(max(offset, 0))
                """))
            return Page(rows: deliveries.map(\.delivery), total: total)
        }
    }

    private static func activeHookCount(_ db: Database, tenantID: String?) throws -> Int {
        if let tenantID {
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM webhooks WHERE tenant_id = ? AND active = 1", arguments: [tenantID]) ?? 0
        }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM webhooks WHERE active = 1") ?? 0
    }
}
