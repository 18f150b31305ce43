import Foundation
import HandoffRailModels
import HandoffRailStorage
import Testing

/// Tenants (soft delete, unique live names) and API keys (hash lookup, revoke, rotate, limits).
enum TenantAndKeyConformance {
    static let cases: [ConformanceCase] = [
        ConformanceCase("tenants: insert, list, update, unique live names, soft delete", tenants),
        ConformanceCase("keys: hash lookup with tier, revoke, counts", keys),
        ConformanceCase("keys: rotation is atomic and the active-key limit holds", rotationAndLimits),
    ]

    static func tenants(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let acme = Fixture.tenant("acme", name: "Acme", tier: .business, createdAt: Fixture.time(0))
        let globex = Fixture.tenant("globex", name: "Globex", tier: .free, createdAt: Fixture.time(1))
        try await store.insertTenant(acme)
        try await store.insertTenant(globex)
        #expect(try await store.tenant(id: "acme") == acme)
        #expect(try await store.tenant(id: "missing") == nil)
        let page = try await store.tenants(limit: 10, offset: 0)
        #expect(page.rows == [acme, globex])
        #expect(page.total == 2)
        #expect(try await store.tenants(limit: 1, offset: 1).rows == [globex])

        await expectStoreError(.duplicate) { try await store.insertTenant(Fixture.tenant("initech", name: "Acme")) }
        await expectStoreError(.duplicate) { try await store.insertTenant(Fixture.tenant("acme", name: "Acme Two")) }

        var renamed = globex
        renamed.name = "Globex Corporation"
        renamed.tier = .pro
        renamed.handoffsPerDay = nil
        renamed.updatedAt = Fixture.time(5)
        try await store.updateTenant(renamed)
        #expect(try await store.tenant(id: "globex") == renamed)
        var clash = renamed
        clash.name = "Acme"
        await expectStoreError(.duplicate) { try await store.updateTenant(clash) }
        await expectStoreError(.notFound) { try await store.updateTenant(Fixture.tenant("missing")) }

        let key = Fixture.key(tenant: "acme")
        #expect(try await store.insertKey(key, maximumActiveKeys: nil))
        #expect(try await store.deleteTenant(id: "acme", at: Fixture.time(9)))
        #expect(try await store.deleteTenant(id: "acme", at: Fixture.time(10)) == false)
        #expect(try await store.deleteTenant(id: "missing", at: Fixture.time(10)) == false)
        #expect(try await store.tenant(id: "acme") == nil)
        #expect(try await store.tenants(limit: 10, offset: 0).rows == [renamed])
        #expect(try await store.key(hash: key.keyHash) == nil)
        #expect(try await store.key(id: key.id, tenantID: "acme")?.revoked == true)
        #expect(try await store.activeKeyCount(tenantID: "acme") == 0)
        var deletedUpdate = acme
        deletedUpdate.name = "Acme Revived"
        await expectStoreError(.notFound) { try await store.updateTenant(deletedUpdate) }

        // A deleted tenant frees its name, not its id.
        try await store.insertTenant(Fixture.tenant("acme-2", name: "Acme"))
        await expectStoreError(.duplicate) { try await store.insertTenant(Fixture.tenant("acme", name: "Acme Three")) }
    }

    static func keys(_ harness: any StoreHarness) async throws {
        let store = harness.store
        #expect(try await store.hasAnyKey() == false)
        try await store.insertTenant(Fixture.tenant("acme", tier: .business))
        try await store.insertTenant(Fixture.tenant("globex", tier: .free))
        let admin = Fixture.key(tenant: "acme", role: .admin, createdAt: Fixture.time(0))
        let writer = Fixture.key(tenant: "acme", role: .writer, createdAt: Fixture.time(1))
        let foreign = Fixture.key(tenant: "globex", role: .reader, createdAt: Fixture.time(2))
        for key in [admin, writer, foreign] {
            #expect(try await store.insertKey(key, maximumActiveKeys: nil))
        }
        #expect(try await store.hasAnyKey())
        await expectStoreError(.duplicate) {
            var sameHash = Fixture.key(tenant: "acme")
            sameHash.keyHash = admin.keyHash
            return try await store.insertKey(sameHash, maximumActiveKeys: nil)
        }

        #expect(try await store.key(hash: admin.keyHash) == AuthenticatedKey(key: admin, tier: .business))
        #expect(try await store.key(hash: foreign.keyHash) == AuthenticatedKey(key: foreign, tier: .free))
        #expect(try await store.key(hash: "0000") == nil)
        #expect(try await store.key(id: writer.id, tenantID: "acme") == writer)
        #expect(try await store.key(id: writer.id, tenantID: "globex") == nil)
        #expect(try await store.keys(tenantID: "acme") == [admin, writer])
        #expect(try await store.activeKeyCount(tenantID: "acme") == 2)
        #expect(try await store.activeKeyCount(tenantID: nil) == 3)

        #expect(try await store.revokeKey(id: writer.id, tenantID: "globex", at: Fixture.time(3)) == false)
        #expect(try await store.revokeKey(id: writer.id, tenantID: "acme", at: Fixture.time(3)))
        #expect(try await store.revokeKey(id: writer.id, tenantID: "acme", at: Fixture.time(4)) == false)
        #expect(try await store.revokeKey(id: UUID(), tenantID: "acme", at: Fixture.time(4)) == false)
        var revoked = writer
        revoked.revoked = true
        #expect(try await store.key(hash: writer.keyHash)?.key == revoked)
        #expect(try await store.activeKeyCount(tenantID: "acme") == 1)
        #expect(try await store.activeKeyCount(tenantID: nil) == 2)
    }

    static func rotationAndLimits(_ harness: any StoreHarness) async throws {
        let store = harness.store
        try await store.insertTenant(Fixture.tenant("acme"))
        let first = Fixture.key(tenant: "acme", createdAt: Fixture.time(0))
        let second = Fixture.key(tenant: "acme", createdAt: Fixture.time(1))
        #expect(try await store.insertKey(first, maximumActiveKeys: 2))
        #expect(try await store.insertKey(second, maximumActiveKeys: 2))
        let third = Fixture.key(tenant: "acme", createdAt: Fixture.time(2))
        #expect(try await store.insertKey(third, maximumActiveKeys: 2) == false)
        #expect(try await store.key(id: third.id, tenantID: "acme") == nil)

        let replacement = Fixture.key(tenant: "acme", createdAt: Fixture.time(3))
        #expect(try await store.rotateKey(oldKeyID: first.id, tenantID: "acme", replacement: replacement, at: Fixture.time(3)))
        #expect(try await store.key(id: first.id, tenantID: "acme")?.revoked == true)
        #expect(try await store.key(hash: replacement.keyHash)?.key == replacement)
        #expect(try await store.activeKeyCount(tenantID: "acme") == 2)

        let another = Fixture.key(tenant: "acme", createdAt: Fixture.time(4))
        #expect(try await store.rotateKey(oldKeyID: first.id, tenantID: "acme", replacement: another, at: Fixture.time(4)) == false)
        #expect(try await store.key(id: another.id, tenantID: "acme") == nil)
        #expect(try await store.keys(tenantID: "acme").count == 3)

        // Revoking frees a slot under the limit.
        #expect(try await store.revokeKey(id: second.id, tenantID: "acme", at: Fixture.time(5)))
        #expect(try await store.insertKey(third, maximumActiveKeys: 2))

        // Concurrent creations cannot overshoot the limit.
        try await store.insertTenant(Fixture.tenant("busy"))
        let created = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<20 {
                group.addTask { try await store.insertKey(Fixture.key(tenant: "busy", createdAt: Fixture.time(Double(index))), maximumActiveKeys: 5) }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(created == 5)
        #expect(try await store.activeKeyCount(tenantID: "busy") == 5)
    }
}
