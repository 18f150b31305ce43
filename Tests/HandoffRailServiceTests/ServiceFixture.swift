import Foundation
import HandoffRailModels
import HandoffRailService
import HandoffRailStorage
import HandoffRailStorageSQLite

/// A service on a throwaway SQLite database with the operator tenant `default` (tier business)
/// and an admin key of it, plus helpers that add tenants and keys straight through the store
/// (independent of the operations under test).
///
/// ```swift
/// let fixture = try await ServiceFixture.make()
/// let other = try await fixture.addTenant(tier: .free, role: .writer)
/// let output = try await fixture.service.listApiKeys(.init(), caller: fixture.admin)
/// ```
struct ServiceFixture: Sendable {
    /// The operator tenant's id (the configuration default).
    static let operatorTenantID = "default"

    let store: SQLiteStore
    let service: HandoffRailService
    /// An admin of the operator tenant.
    let admin: APICaller
    /// The plain key behind ``admin``.
    let adminPlainKey: String

    /// A fresh store and service; `configuration.operatorTenantID` names the operator tenant.
    static func make(
        configuration: ServiceConfiguration = ServiceConfiguration(),
        probes: SystemProbes = SystemProbes(),
        clock: ServiceClock = .system
    ) async throws -> ServiceFixture {
        let store = try SQLiteStore.temporary()
        let service = HandoffRailService(store: store, configuration: configuration, probes: probes, clock: clock)
        let operatorID = configuration.operatorTenantID
        try await insertTenant(into: store, id: operatorID, name: operatorID, tier: .business)
        let (admin, plainKey) = try await insertKey(into: store, tenantID: operatorID, tier: .business, role: .admin)
        return ServiceFixture(store: store, service: service, admin: admin, adminPlainKey: plainKey)
    }

    /// A new tenant (random name unless given) and a caller of it with `role`.
    func addTenant(
        tier: Tier = .pro, role: Role = .admin, name: String? = nil,
        handoffsPerDay: Int? = nil, maxApiKeys: Int? = nil
    ) async throws -> APICaller {
        let id = UUID().uuidString.lowercased()
        try await Self.insertTenant(
            into: store, id: id, name: name ?? "tenant-\(id.prefix(8))", tier: tier,
            handoffsPerDay: handoffsPerDay, maxApiKeys: maxApiKeys
        )
        return try await addKey(tenantID: id, tier: tier, role: role).caller
    }

    /// A new key of an existing tenant: its caller and plain key.
    func addKey(tenantID: String, tier: Tier, role: Role) async throws -> (caller: APICaller, plainKey: String) {
        try await Self.insertKey(into: store, tenantID: tenantID, tier: tier, role: role)
    }

    /// The same tenant and key with another role (the HTTP layer checks roles; the service
    /// enforces tenant rules, which some tests vary by role).
    func caller(_ caller: APICaller, as role: Role) -> APICaller {
        APICaller(tenantID: caller.tenantID, keyID: caller.keyID, role: role, tier: caller.tier)
    }

    private static func insertTenant(
        into store: SQLiteStore, id: String, name: String, tier: Tier, handoffsPerDay: Int? = nil, maxApiKeys: Int? = nil
    ) async throws {
        let now = Date()
        try await store.insertTenant(Tenant(
            id: id, name: name, tier: tier, handoffsPerDay: handoffsPerDay, maxApiKeys: maxApiKeys, createdAt: now, updatedAt: now
        ))
    }

    private static func insertKey(
        into store: SQLiteStore, tenantID: String, tier: Tier, role: Role
    ) async throws -> (caller: APICaller, plainKey: String) {
        let plainKey = "hr_fixture_" + UUID().uuidString.lowercased()
        let key = StoredAPIKey(
            id: UUID(), tenantID: tenantID, name: "fixture \(role.rawValue)", keyPrefix: String(plainKey.prefix(8)),
            keyHash: APIKeyHash.hex(of: plainKey), role: role, createdAt: Date()
        )
        _ = try await store.insertKey(key, maximumActiveKeys: nil)
        let caller = APICaller(tenantID: tenantID, keyID: key.id.uuidString.lowercased(), role: role, tier: tier)
        return (caller, plainKey)
    }
}
