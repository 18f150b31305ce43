import Foundation
import GRDB
import HandoffRailModels

/// A `webhook_deliveries` row read back as the API's ``WebhookDelivery`` (the payload column
/// stays in the table for the delivery worker).
struct DeliveryRecord: FetchableRecord, Sendable {
    /// The columns ``init(row:)`` reads.
    static let columns: SQL = """
        id, webhook_id, event_type, packet_id, status, attempts, response_status, error, latency_ms,
        next_retry_at, delivered_at, created_at
        """

    var delivery: WebhookDelivery

    init(row: Row) throws {
        delivery = WebhookDelivery(
            id: try row.uuid("id"), webhookId: try row.uuid("webhook_id"),
            eventType: WebhookEventType(rawValue: row["event_type"]), packetId: try row.optionalUUID("packet_id"),
            status: DeliveryStatus(rawValue: row["status"]), attempts: row["attempts"],
            responseStatus: row["response_status"], error: row["error"], latencyMs: row["latency_ms"],
            nextRetryAt: try row.optionalDate("next_retry_at"), deliveredAt: try row.optionalDate("delivered_at"),
            createdAt: try row.date("created_at"))
    }
}
