import Foundation
import GRDB
import HandoffRailModels
import HandoffRailStorage

/// A `webhooks` row; `events` is a JSON array of event type raw values, read by the commit's
/// fan-out to decide which hooks get a delivery.
struct WebhookRecord: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "webhooks"

    var hook: StoredWebhook

    init(_ hook: StoredWebhook) {
        self.hook = hook
    }

    init(row: Row) throws {
        hook = StoredWebhook(
            id: try row.uuid("id"), tenantID: row["tenant_id"], url: row["url"],
            events: try row.json([String].self, "events").map(WebhookEventType.init(rawValue:)),
            secret: row["secret"], active: row["active"], createdAt: try row.date("created_at"))
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = hook.id.databaseText
        container["tenant_id"] = hook.tenantID
        container["url"] = hook.url
        container["events"] = try databaseJSON(hook.events.map(\.rawValue))
        container["secret"] = hook.secret
        container["active"] = hook.active
        container["created_at"] = hook.createdAt.databaseMicroseconds
    }
}
