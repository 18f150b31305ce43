import Foundation
import GRDB
import HandoffRailModels
import HandoffRailStorage

/// An `api_keys` row: the key's SHA-256 hash, never the key. `revoked_at` is kept for the
/// record only; ``StoredAPIKey`` exposes `revoked`.
struct APIKeyRecord: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "api_keys"

    var key: StoredAPIKey

    init(_ key: StoredAPIKey) {
        self.key = key
    }

    init(row: Row) throws {
        key = StoredAPIKey(
            id: try row.uuid("id"), tenantID: row["tenant_id"], name: row["name"], keyPrefix: row["key_prefix"],
            keyHash: row["key_hash"], role: Role(rawValue: row["role"]), revoked: row["revoked"],
            createdAt: try row.date("created_at"))
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = key.id.databaseText
        container["tenant_id"] = key.tenantID
        container["name"] = key.name
        container["key_prefix"] = key.keyPrefix
        container["key_hash"] = key.keyHash
        container["role"] = key.role.rawValue
        container["revoked"] = key.revoked
        container["created_at"] = key.createdAt.databaseMicroseconds
    }
}
