import Foundation
import HandoffRailModels
import HandoffRailService
import HandoffRailStorage
import Testing

@Suite("tenant operations")
struct TenantOperationsTests {
    private func createdTenant(_ output: Operations.CreateTenant.Output) throws -> Tenant {
        guard case .created(let tenant) = output else { throw UnexpectedOutput(output) }
        return tenant
    }

    @Test("create applies the defaults and answers deleted_at null; a duplicate name is 409")
    func create() async throws {
        let fixture = try await ServiceFixture.make()
        let tenant = try createdTenant(try await fixture.service.createTenant(.init(body: .init(name: "acme")), caller: fixture.admin))
        #expect(tenant.name == "acme")
        #expect(tenant.tier == .free)
        #expect(tenant.handoffsPerDay == 5)
        #expect(tenant.maxApiKeys == 5)
        #expect(tenant.deletedAt == nil)
        #expect(tenant.id == tenant.id.lowercased() && !tenant.id.isEmpty)
        let wire = try #require(String(data: try HandoffRailJSON.encode(tenant), encoding: .utf8))
        #expect(wire.contains("\"deleted_at\":null"))

        let other = try createdTenant(try await fixture.service.createTenant(
            .init(body: .init(name: "globex", tier: .pro, handoffsPerDay: 100, maxApiKeys: 3)), caller: fixture.admin
        ))
        #expect(other.id != tenant.id)
        #expect(other.tier == .pro)
        #expect(other.maxApiKeys == 3)

        let duplicate = try await expectServiceError(409) {
            try await fixture.service.createTenant(.init(body: .init(name: "acme")), caller: fixture.admin)
        }
        #expect(duplicate.detail.contains("acme"))
    }

    @Test("get, list and keys of a tenant")
    func readTenants() async throws {
        let fixture = try await ServiceFixture.make()
        let tenant = try createdTenant(try await fixture.service.createTenant(.init(body: .init(name: "initech", tier: .pro)), caller: fixture.admin))
        guard case .ok(let fetched) = try await fixture.service.getTenant(.init(tenantId: tenant.id), caller: fixture.admin) else {
            Issue.record("get failed")
            return
        }
        #expect(try wireJSON(fetched) == wireJSON(tenant))
        try await expectServiceError(404) { try await fixture.service.getTenant(.init(tenantId: "nope"), caller: fixture.admin) }

        guard case .ok(let all) = try await fixture.service.listTenants(.init(), caller: fixture.admin) else {
            Issue.record("list failed")
            return
        }
        #expect(Set(all.map(\.id)) == [ServiceFixture.operatorTenantID, tenant.id])

        _ = try await fixture.service.createApiKey(.init(body: .init(name: "k1", tenantId: tenant.id, role: .reader)), caller: fixture.admin)
        guard case .ok(let keys) = try await fixture.service.listTenantApiKeys(.init(tenantId: tenant.id), caller: fixture.admin) else {
            Issue.record("tenant keys failed")
            return
        }
        #expect(keys.map(\.name) == ["k1"])
        #expect(keys.allSatisfy { $0.key == nil && $0.tenantId == tenant.id })
        try await expectServiceError(404) { try await fixture.service.listTenantApiKeys(.init(tenantId: "nope"), caller: fixture.admin) }
    }

    @Test("update changes only the fields present; renaming onto a taken name is 409")
    func update() async throws {
        let fixture = try await ServiceFixture.make()
        let tenant = try createdTenant(try await fixture.service.createTenant(
            .init(body: .init(name: "hooli", tier: .free, handoffsPerDay: 7, maxApiKeys: 2)), caller: fixture.admin
        ))
        guard case .ok(let updated) = try await fixture.service.updateTenant(
            .init(tenantId: tenant.id, body: .init(tier: .business)), caller: fixture.admin
        ) else {
            Issue.record("update failed")
            return
        }
        #expect(updated.tier == .business)
        #expect(updated.name == "hooli")
        #expect(updated.handoffsPerDay == 7)
        #expect(updated.maxApiKeys == 2)
        #expect(RFC3339.format(updated.createdAt) == RFC3339.format(tenant.createdAt))
        #expect(updated.updatedAt >= tenant.updatedAt)
        guard case .ok(let fetched) = try await fixture.service.getTenant(.init(tenantId: tenant.id), caller: fixture.admin) else {
            Issue.record("get failed")
            return
        }
        #expect(try wireJSON(fetched) == wireJSON(updated))

        _ = try await fixture.service.createTenant(.init(body: .init(name: "pied piper")), caller: fixture.admin)
        try await expectServiceError(409) {
            try await fixture.service.updateTenant(.init(tenantId: tenant.id, body: .init(name: "pied piper")), caller: fixture.admin)
        }
        try await expectServiceError(404) {
            try await fixture.service.updateTenant(.init(tenantId: "nope", body: .init(name: "x")), caller: fixture.admin)
        }
    }

    @Test("delete: 204, then get and delete are 404 and its keys stop working; the operator tenant stays")
    func delete() async throws {
        let fixture = try await ServiceFixture.make()
        let tenant = try createdTenant(try await fixture.service.createTenant(.init(body: .init(name: "umbrella")), caller: fixture.admin))
        guard case .created(let key) = try await fixture.service.createApiKey(
            .init(body: .init(name: "k", tenantId: tenant.id)), caller: fixture.admin
        ) else {
            Issue.record("key creation failed")
            return
        }
        #expect(try await fixture.service.deleteTenant(.init(tenantId: tenant.id), caller: fixture.admin) == .noContent)
        try await expectServiceError(404) { try await fixture.service.getTenant(.init(tenantId: tenant.id), caller: fixture.admin) }
        try await expectServiceError(404) { try await fixture.service.deleteTenant(.init(tenantId: tenant.id), caller: fixture.admin) }
        let afterwards = try await fixture.service.authenticate(apiKey: key.key)
        #expect(afterwards != .authenticated(APICaller(tenantID: tenant.id, keyID: key.id.uuidString.lowercased(), role: .admin, tier: .free)))
        // the name is free again
        _ = try createdTenant(try await fixture.service.createTenant(.init(body: .init(name: "umbrella")), caller: fixture.admin))

        let operatorError = try await expectServiceError(403) {
            try await fixture.service.deleteTenant(.init(tenantId: ServiceFixture.operatorTenantID), caller: fixture.admin)
        }
        #expect(operatorError.detail.contains("operator tenant"))
    }

    @Test("admins of other tenants get 403 on every tenant operation", arguments: [Tier.free, .pro, .business])
    func onlyOperatorAdmins(tier: Tier) async throws {
        let fixture = try await ServiceFixture.make()
        let outsider = try await fixture.addTenant(tier: tier, role: .admin)
        let service = fixture.service
        let operations: [@Sendable () async throws -> Void] = [
            { _ = try await service.listTenants(.init(), caller: outsider) },
            { _ = try await service.createTenant(.init(body: .init(name: "mine")), caller: outsider) },
            { _ = try await service.getTenant(.init(tenantId: outsider.tenantID), caller: outsider) },
            { _ = try await service.updateTenant(.init(tenantId: outsider.tenantID, body: .init(tier: .business)), caller: outsider) },
            { _ = try await service.deleteTenant(.init(tenantId: ServiceFixture.operatorTenantID), caller: outsider) },
            { _ = try await service.listTenantApiKeys(.init(tenantId: ServiceFixture.operatorTenantID), caller: outsider) },
        ]
        for operation in operations {
            let error = try await expectServiceError(403) { try await operation() }
            #expect(error.detail.contains("operator tenant"))
        }
        try await expectServiceError(403) { try await service.listTenants(.init(), caller: fixture.caller(fixture.admin, as: .writer)) }
        #expect(try await fixture.store.tenant(id: outsider.tenantID)?.tier == tier)
    }
}
