import Foundation
import GRDB
import HandoffRailModels
import HandoffRailStorage

extension SQLiteStore {
    /// One `UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING`: picks the earliest due rows
    /// through the `(status, next_retry_at)` index, moves them out of the due range until the
    /// lease ends and stamps the lease token. SQLite's single writer makes the pick and the
    /// stamp atomic; the PostgreSQL store adds `FOR UPDATE SKIP LOCKED` to the inner select.
    public func leaseDueDeliveries(now: Date, lease: DeliveryLease, limit: Int) async throws -> [LeasedDelivery] {
        guard limit > 0 else { return [] }
        let due = [DeliveryStatus.pending.rawValue, DeliveryStatus.failed.rawValue]
        return try await writing { db in
            let leased = try Row.fetchAll(db, sqlRequest("""
                UPDATE webhook_deliveries SET next_retry_at = \(lease.until.databaseMicroseconds),
                    lease_token = \(lease.token.databaseText)
                WHERE id IN (
                    SELECT id FROM webhook_deliveries
                    WHERE status IN \(due) AND next_retry_at <= \(now.databaseMicroseconds)
                    ORDER BY next_retry_at LIMIT \(limit))
                RETURNING id, webhook_id, tenant_id, event_type, payload, attempts, created_at
                """))
            guard !leased.isEmpty else { return [] }
            let hookIDs = Array(Set(leased.map { $0["webhook_id"] as String }))
            var hooks: [String: Row] = [:]
            for row in try Row.fetchAll(db, sqlRequest("SELECT id, url, secret, active FROM webhooks WHERE id IN \(hookIDs)")) {
                hooks[row["id"]] = row
            }
            return try leased.compactMap { row -> LeasedDelivery? in
                guard let hook = hooks[row["webhook_id"]] else { return nil }
                return LeasedDelivery(
                    id: try row.uuid("id"), hookID: try row.uuid("webhook_id"), tenantID: row["tenant_id"],
                    eventType: WebhookEventType(rawValue: row["event_type"]), payload: Data((row["payload"] as String).utf8),
                    attempts: row["attempts"], url: hook["url"], secret: hook["secret"], hookActive: hook["active"],
                    createdAt: try row.date("created_at"))
            }
        }
    }

    public func recordDeliveryAttempt(_ attempt: DeliveryAttempt, deliveryID: UUID, lease: DeliveryLease) async throws -> Bool {
        let (status, nextRetryAt, deliveredAt): (DeliveryStatus, Int64?, Int64?) = switch attempt.next {
        case .delivered: (.delivered, nil, attempt.finishedAt.databaseMicroseconds)
        case .retry(let date): (.failed, date.databaseMicroseconds, nil)
        case .deadLetter: (.deadLetter, nil, nil)
        }
        return try await writing { db in
            try db.execute(literal: """
                UPDATE webhook_deliveries SET status = \(status.rawValue), attempts = attempts + 1,
                    response_status = \(attempt.responseStatus), error = \(attempt.error), latency_ms = \(attempt.latencyMs),
                    next_retry_at = \(nextRetryAt), delivered_at = \(deliveredAt), lease_token = NULL
                WHERE id = \(deliveryID.databaseText) AND lease_token = \(lease.token.databaseText)
                    AND status IN \([DeliveryStatus.pending.rawValue, DeliveryStatus.failed.rawValue])
                """)
            return db.changesCount > 0
        }
    }

    public func nextDeliveryDue() async throws -> Date? {
        let due = [DeliveryStatus.pending.rawValue, DeliveryStatus.failed.rawValue]
        return try await reading { db in
            try Int64.fetchOne(db, sqlRequest("""
                SELECT next_retry_at FROM webhook_deliveries WHERE status IN \(due) AND next_retry_at IS NOT NULL
                ORDER BY next_retry_at LIMIT 1
                """)).map(Date.init(databaseMicroseconds:))
        }
    }

    public func deadLetterCount() async throws -> Int {
        try await reading { db in
            try Int.fetchOne(db, sqlRequest("""
                SELECT COUNT(*) FROM webhook_deliveries WHERE status = \(DeliveryStatus.deadLetter.rawValue)
                """)) ?? 0
        }
    }
}
