import Foundation
import GRDB
import HandoffRailModels

/// A `tenants` row. `deleted_at` is set by a soft delete; deleted rows are never returned.
struct TenantRecord: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "tenants"

    var tenant: Tenant

    init(_ tenant: Tenant) {
        self.tenant = tenant
    }

    init(row: Row) throws {
        tenant = Tenant(
            id: row["id"], name: row["name"], tier: Tier(rawValue: row["tier"]),
            handoffsPerDay: row["handoffs_per_day"], maxApiKeys: row["max_api_keys"],
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            deletedAt: try row.optionalDate("deleted_at"))
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = tenant.id
        container["name"] = tenant.name
        container["tier"] = tenant.tier.rawValue
        container["handoffs_per_day"] = tenant.handoffsPerDay
        container["max_api_keys"] = tenant.maxApiKeys
        container["created_at"] = tenant.createdAt.databaseMicroseconds
        container["updated_at"] = tenant.updatedAt.databaseMicroseconds
        container["deleted_at"] = tenant.deletedAt?.databaseMicroseconds
    }
}
