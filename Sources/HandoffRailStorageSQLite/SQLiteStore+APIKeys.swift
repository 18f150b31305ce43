import Foundation
import GRDB
import HandoffRailModels
import HandoffRailStorage

extension SQLiteStore {
    /// Counts the tenant's active keys and inserts in the same write transaction, so two
    /// concurrent creations cannot both pass the limit.
    public func insertKey(_ key: StoredAPIKey, maximumActiveKeys: Int?) async throws -> Bool {
        try await writing { db in
            if let maximumActiveKeys, try Self.activeKeyCount(db, tenantID: key.tenantID) >= maximumActiveKeys {
                return false
            }
            try APIKeyRecord(key).insert(db)
            return true
        }
    }

    /// The authentication lookup, on every request: one indexed join on a cached statement.
    public func key(hash: String) async throws -> AuthenticatedKey? {
        try await reading { db in
            let statement = try db.cachedStatement(sql: """
                SELECT api_keys.*, tenants.tier AS tenant_tier FROM api_keys
                JOIN tenants ON tenants.id = api_keys.tenant_id
                WHERE api_keys.key_hash = ? AND tenants.deleted_at IS NULL
                """)
            guard let row = try Row.fetchOne(statement, arguments: [hash]) else { return nil }
            return AuthenticatedKey(key: try APIKeyRecord(row: row).key, tier: Tier(rawValue: row["tenant_tier"]))
        }
    }

    public func key(id: UUID, tenantID: String) async throws -> StoredAPIKey? {
        try await reading { db in
            try APIKeyRecord.fetchOne(
                db, sql: "SELECT * FROM api_keys WHERE id = ? AND tenant_id = ?", arguments: [id.databaseText, tenantID]
            )?.key
        }
    }

    public func keys(tenantID: String) async throws -> [StoredAPIKey] {
        try await reading { db in
            try APIKeyRecord.fetchAll(
                db, sql: "SELECT * FROM api_keys WHERE tenant_id = ? ORDER BY created_at, id", arguments: [tenantID]
            ).map(\.key)
        }
    }

    public func revokeKey(id: UUID, tenantID: String, at date: Date) async throws -> Bool {
        try await writing { db in
            try Self.revoke(db, keyID: id, tenantID: tenantID, at: date)
        }
    }

    /// Revokes the old key and inserts its replacement atomically; nothing is written when
    /// the old key is not active any more.
    public func rotateKey(oldKeyID: UUID, tenantID: String, replacement: StoredAPIKey, at date: Date) async throws -> Bool {
        try await writing { db in
            guard try Self.revoke(db, keyID: oldKeyID, tenantID: tenantID, at: date) else { return false }
            try APIKeyRecord(replacement).insert(db)
            return true
        }
    }

    public func activeKeyCount(tenantID: String?) async throws -> Int {
        try await reading { db in try Self.activeKeyCount(db, tenantID: tenantID) }
    }

    public func hasAnyKey() async throws -> Bool {
        try await reading { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM api_keys)") ?? false }
    }

    private static func activeKeyCount(_ db: Database, tenantID: String?) throws -> Int {
        if let tenantID {
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM api_keys WHERE tenant_id = ? AND revoked = 0", arguments: [tenantID]) ?? 0
        }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM api_keys WHERE revoked = 0") ?? 0
    }

    private static func revoke(_ db: Database, keyID: UUID, tenantID: String, at date: Date) throws -> Bool {
        try db.execute(
            sql: "UPDATE api_keys SET revoked = 1, revoked_at = ? WHERE id = ? AND tenant_id = ? AND revoked = 0",
            arguments: [date.databaseMicroseconds, keyID.databaseText, tenantID])
        return db.changesCount > 0
    }
}
