import Foundation
import HandoffRailModels

/// Tenants. Deleting is soft: a deleted tenant keeps its row (`deleted_at` set) and is no
/// longer returned.
public protocol TenantStore: Sendable {
    /// Inserts a tenant. Throws `StoreError(.duplicate)` when a live tenant has the same name
    /// or the id is taken.
    func insertTenant(_ tenant: Tenant) async throws

    /// A live tenant, or nil.
    func tenant(id: String) async throws -> Tenant?

    /// Live tenants, oldest first.
    func tenants(limit: Int, offset: Int) async throws -> Page<Tenant>

    /// Replaces a live tenant's row. Throws `.notFound` when there is none, `.duplicate` when
    /// the new name is taken.
    func updateTenant(_ tenant: Tenant) async throws

    /// Marks a live tenant deleted, revokes its keys and deactivates its hooks. Returns false
    /// when there was none.
    func deleteTenant(id: String, at date: Date) async throws -> Bool
}

/// API keys, stored by SHA-256 hash; the plain key is never stored.
public protocol APIKeyStore: Sendable {
    /// Inserts a key. When `maximumActiveKeys` is given, the insert happens only if the tenant
    /// has fewer active keys (checked in the same transaction); returns false otherwise.
    func insertKey(_ key: StoredAPIKey, maximumActiveKeys: Int?) async throws -> Bool

    /// The key with this hash (hex SHA-256 of the plain key), revoked or not, with its
    /// tenant's tier; nil when unknown or when its tenant is deleted.
    func key(hash: String) async throws -> AuthenticatedKey?

    /// One key of a tenant.
    func key(id: UUID, tenantID: String) async throws -> StoredAPIKey?

    /// The tenant's keys, oldest first.
    func keys(tenantID: String) async throws -> [StoredAPIKey]

    /// Revokes an active key. Returns false when it was already revoked (or does not exist).
    func revokeKey(id: UUID, tenantID: String, at date: Date) async throws -> Bool

    /// Revokes `oldKeyID` and inserts `replacement` in one transaction. Returns false (and
    /// writes nothing) when the old key is no longer active.
    func rotateKey(oldKeyID: UUID, tenantID: String, replacement: StoredAPIKey, at date: Date) async throws -> Bool

    /// Active (not revoked) keys: of one tenant, or of all tenants when nil.
    func activeKeyCount(tenantID: String?) async throws -> Int

    /// Whether any key exists at all (first start detection).
    func hasAnyKey() async throws -> Bool
}

/// An API key row.
public struct StoredAPIKey: Sendable, Hashable {
    public var id: UUID
    public var tenantID: String
    public var name: String
    /// The first 8 characters of the plain key.
    public var keyPrefix: String
    /// Lowercase hex SHA-256 of the plain key.
    public var keyHash: String
    public var role: Role
    public var revoked: Bool
    public var createdAt: Date

    public init(id: UUID, tenantID: String, name: String, keyPrefix: String, keyHash: String, role: Role, revoked: Bool = false, createdAt: Date) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.keyPrefix = keyPrefix
        self.keyHash = keyHash
        self.role = role
        self.revoked = revoked
        self.createdAt = createdAt
    }
}

/// What authentication reads for a key: the key and its tenant's tier.
public struct AuthenticatedKey: Sendable, Hashable {
    public var key: StoredAPIKey
    public var tier: Tier

    public init(key: StoredAPIKey, tier: Tier) {
        self.key = key
        self.tier = tier
    }
}
