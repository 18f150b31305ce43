import Foundation
import HandoffRailModels
import HandoffRailService
import HandoffRailStorage
import HandoffRailStorageSQLite
import Testing

@Suite("authenticate(apiKey:)")
struct AuthenticationTests {
    @Test("a live key authenticates as its tenant, key id, role and tier")
    func liveKey() async throws {
        let fixture = try await ServiceFixture.make()
        let writer = try await fixture.addTenant(tier: .pro, role: .writer)
        let (_, plainKey) = try await fixture.addKey(tenantID: writer.tenantID, tier: .pro, role: .agent)
        let outcome = try await fixture.service.authenticate(apiKey: plainKey)
        guard case .authenticated(let caller) = outcome else {
            Issue.record("expected .authenticated, got \(outcome)")
            return
        }
        #expect(caller.tenantID == writer.tenantID)
        #expect(caller.role == .agent)
        #expect(caller.tier == .pro)
        #expect(caller.keyID == caller.keyID.lowercased())
        #expect(UUID(uuidString: caller.keyID) != nil)
        #expect(try await fixture.service.authenticate(apiKey: fixture.adminPlainKey) == .authenticated(fixture.admin))
    }

    @Test("empty and unknown keys are unknown")
    func unknownKeys() async throws {
        let fixture = try await ServiceFixture.make()
        #expect(try await fixture.service.authenticate(apiKey: "") == .unknown)
        #expect(try await fixture.service.authenticate(apiKey: "hr_not-a-key") == .unknown)
        #expect(try await fixture.service.authenticate(apiKey: fixture.adminPlainKey + "x") == .unknown)
    }

    @Test("a revoked key is refused on the very next call")
    func revokedKey() async throws {
        let fixture = try await ServiceFixture.make()
        let (caller, plainKey) = try await fixture.addKey(tenantID: ServiceFixture.operatorTenantID, tier: .business, role: .reader)
        #expect(try await fixture.service.authenticate(apiKey: plainKey) == .authenticated(caller))
        _ = try await fixture.service.revokeApiKey(.init(keyId: try #require(UUID(uuidString: caller.keyID))), caller: fixture.admin)
        #expect(try await fixture.service.authenticate(apiKey: plainKey) == .revoked)
    }

    @Test("the tier follows the tenant: a tier change applies to the next call")
    func tierFollowsTenant() async throws {
        let fixture = try await ServiceFixture.make()
        let caller = try await fixture.addTenant(tier: .free, role: .admin)
        let (_, plainKey) = try await fixture.addKey(tenantID: caller.tenantID, tier: .free, role: .reader)
        _ = try await fixture.service.updateTenant(.init(tenantId: caller.tenantID, body: .init(tier: .business)), caller: fixture.admin)
        guard case .authenticated(let after) = try await fixture.service.authenticate(apiKey: plainKey) else {
            Issue.record("expected the key to authenticate")
            return
        }
        #expect(after.tier == .business)
    }
}

@Suite("bootstrap(adminKey:)")
struct BootstrapTests {
    private func emptyService(operatorTenantID: String = "default") throws -> (HandoffRailService, SQLiteStore) {
        let store = try SQLiteStore.temporary()
        return (HandoffRailService(store: store, configuration: ServiceConfiguration(operatorTenantID: operatorTenantID)), store)
    }

    @Test("a configured key creates the operator tenant (business) and an admin key with exactly that value")
    func configuredKey() async throws {
        let (service, store) = try emptyService()
        let plainKey = "hr_configured_bootstrap_key_0001"
        #expect(try await service.bootstrap(adminKey: plainKey) == .createdWithConfiguredKey)

        let tenant = try #require(try await store.tenant(id: "default"))
        #expect(tenant.tier == .business)
        guard case .authenticated(let caller) = try await service.authenticate(apiKey: plainKey) else {
            Issue.record("the configured key does not authenticate")
            return
        }
        #expect(caller.tenantID == "default")
        #expect(caller.role == .admin)
        #expect(caller.tier == .business)
        let keys = try await store.keys(tenantID: "default")
        #expect(keys.count == 1)
        #expect(keys.first?.keyPrefix == "hr_confi")
    }

    @Test("without a configured key a generated one is returned once and works")
    func generatedKey() async throws {
        let (service, _) = try emptyService(operatorTenantID: "ops")
        let outcome = try await service.bootstrap(adminKey: nil)
        guard case .createdWithGeneratedKey(let plainKey) = outcome else {
            Issue.record("expected a generated key, got \(outcome)")
            return
        }
        #expect(plainKey.hasPrefix("hr_"))
        guard case .authenticated(let caller) = try await service.authenticate(apiKey: plainKey) else {
            Issue.record("the generated key does not authenticate")
            return
        }
        #expect(caller.tenantID == "ops")
        #expect(caller.role == .admin)
    }

    @Test("a second start creates nothing")
    func secondStart() async throws {
        let (service, store) = try emptyService()
        _ = try await service.bootstrap(adminKey: "hr_first_start_key_000000000001")
        #expect(try await service.bootstrap(adminKey: "hr_second_start_key_00000000002") == .alreadyInitialised)
        #expect(try await service.bootstrap(adminKey: nil) == .alreadyInitialised)
        #expect(try await store.keys(tenantID: "default").count == 1)
        #expect(try await service.authenticate(apiKey: "hr_second_start_key_00000000002") == .unknown)
    }

    @Test("an existing operator tenant without keys is reused")
    func reusesTenant() async throws {
        let (service, store) = try emptyService()
        let now = Date()
        try await store.insertTenant(Tenant(id: "default", name: "Operators", tier: .pro, createdAt: now, updatedAt: now))
        #expect(try await service.bootstrap(adminKey: "hr_reuse_tenant_key_0000000001") == .createdWithConfiguredKey)
        let tenant = try #require(try await store.tenant(id: "default"))
        #expect(tenant.name == "Operators")
        #expect(try await store.keys(tenantID: "default").count == 1)
    }

    @Test("a configured key without hr_ is refused without echoing it")
    func malformedConfiguredKey() async throws {
        let (service, store) = try emptyService()
        let error = try await expectServiceError(422) { try await service.bootstrap(adminKey: "secret-value-without-prefix") }
        #expect(error.detail.contains("hr_"))
        #expect(!error.detail.contains("secret-value-without-prefix"))
        #expect(try await store.hasAnyKey() == false)
    }
}
