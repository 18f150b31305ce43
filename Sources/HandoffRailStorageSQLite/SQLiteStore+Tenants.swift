import Foundation
import GRDB
import HandoffRailModels
import HandoffRailStorage

extension SQLiteStore {
    /// Throws `.duplicate` when the id is taken or a live tenant has the name (partial unique
    /// index `tenants_live_name`).
    public func insertTenant(_ tenant: Tenant) async throws {
        try await writing { db in try TenantRecord(tenant).insert(db) }
    }

    public func tenant(id: String) async throws -> Tenant? {
        try await reading { db in
            try TenantRecord.fetchOne(db, sql: "SELECT * FROM tenants WHERE id = ? AND deleted_at IS NULL", arguments: [id])?.tenant
        }
    }

    public func tenants(limit: Int, offset: Int) async throws -> Page<Tenant> {
        try await reading { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tenants WHERE deleted_at IS NULL") ?? 0
            let tenants = try TenantRecord.fetchAll(db, sql: """
                SELECT * FROM tenants WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT ? OFFSET ?
                """, arguments: [max(limit, 0), max(offset, 0)])
            return Page(rows: tenants.map(\.tenant), total: total)
        }
    }

    /// Replaces name, tier, quotas and `updated_at` of a live tenant; `created_at` stays.
    public func updateTenant(_ tenant: Tenant) async throws {
        try await writing { db in
            try db.execute(
                sql: """
                    UPDATE tenants SET name = ?, tier = ?, handoffs_per_day = ?, max_api_keys = ?, updated_at = ?
                    WHERE id = ? AND deleted_at IS NULL
                    """,
                arguments: [
                    tenant.name, tenant.tier.rawValue, tenant.handoffsPerDay, tenant.maxApiKeys,
                    tenant.updatedAt.databaseMicroseconds, tenant.id,
                ])
            if db.changesCount == 0 { throw StoreError(.notFound, subject: tenant.id) }
        }
    }

    /// Soft-deletes the tenant and revokes all its keys in the same transaction.
    public func deleteTenant(id: String, at date: Date) async throws -> Bool {
        try await writing { db in
            let micros = date.databaseMicroseconds
            try db.execute(
                sql: "UPDATE tenants SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                arguments: [micros, micros, id])
            guard db.changesCount > 0 else { return false }
            try db.execute(
                sql: "UPDATE api_keys SET revoked = 1, revoked_at = ? WHERE tenant_id = ? AND revoked = 0",
                arguments: [micros, id])
            try db.execute(sql: "UPDATE webhooks SET active = 0 WHERE tenant_id = ? AND active = 1", arguments: [id])
            return true
        }
    }
}
