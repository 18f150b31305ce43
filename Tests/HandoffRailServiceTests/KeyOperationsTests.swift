import Foundation
import HandoffRailModels
import HandoffRailService
import HandoffRailStorage
import Testing

@Suite("API key operations")
struct KeyOperationsTests {
    private func created(_ output: Operations.CreateApiKey.Output) throws -> ApiKeyCreated {
        guard case .created(let key) = output else { throw UnexpectedOutput(output) }
        return key
    }

    private func listed(_ output: Operations.ListApiKeys.Output) throws -> [ApiKey] {
        guard case .ok(let keys) = output else { throw UnexpectedOutput(output) }
        return keys
    }

    @Test("create returns the plain key once, for the caller's tenant, admin by default; it authenticates")
    func createDefaults() async throws {
        let fixture = try await ServiceFixture.make()
        let key = try created(try await fixture.service.createApiKey(.init(body: .init(name: "ci")), caller: fixture.admin))
        #expect(key.name == "ci")
        #expect(key.tenantId == ServiceFixture.operatorTenantID)
        #expect(key.role == .admin)
        #expect(!key.revoked)
        #expect(key.key.hasPrefix("hr_"))
        #expect(key.keyPrefix == String(key.key.prefix(8)))

        let authentication = try await fixture.service.authenticate(apiKey: key.key)
        #expect(authentication == .authenticated(APICaller(
            tenantID: ServiceFixture.operatorTenantID, keyID: key.id.uuidString.lowercased(), role: .admin, tier: .business
        )))
    }

    @Test("list shows the tenant's keys, revoked included, never the plain key")
    func listKeys() async throws {
        let fixture = try await ServiceFixture.make()
        let reader = try created(try await fixture.service.createApiKey(.init(body: .init(name: "reader", role: .reader)), caller: fixture.admin))
        _ = try await fixture.service.revokeApiKey(.init(keyId: reader.id), caller: fixture.admin)
        let other = try await fixture.addTenant()
        _ = try await fixture.service.createApiKey(.init(body: .init(name: "theirs")), caller: other)

        let keys = try listed(try await fixture.service.listApiKeys(.init(), caller: fixture.admin))
        #expect(keys.count == 2)
        #expect(keys.allSatisfy { $0.key == nil && $0.tenantId == ServiceFixture.operatorTenantID })
        #expect(keys.first { $0.id == reader.id }?.revoked == true)
        #expect(keys.first { $0.id == reader.id }?.role == .reader)
    }

    @Test("operator admins create keys for other tenants; other admins get 403; unknown tenants 404")
    func otherTenants() async throws {
        let fixture = try await ServiceFixture.make()
        let other = try await fixture.addTenant(tier: .pro)
        let forOther = try created(try await fixture.service.createApiKey(
            .init(body: .init(name: "for them", tenantId: other.tenantID, role: .writer)), caller: fixture.admin
        ))
        #expect(forOther.tenantId == other.tenantID)
        #expect(forOther.role == .writer)

        try await expectServiceError(403) {
            try await fixture.service.createApiKey(.init(body: .init(name: "x", tenantId: ServiceFixture.operatorTenantID)), caller: other)
        }
        let ownExplicit = try created(try await fixture.service.createApiKey(.init(body: .init(name: "mine", tenantId: other.tenantID)), caller: other))
        #expect(ownExplicit.tenantId == other.tenantID)
        try await expectServiceError(404) {
            try await fixture.service.createApiKey(.init(body: .init(name: "x", tenantId: "no-such-tenant")), caller: fixture.admin)
        }
    }

    @Test("the active key limit is the smaller of the tier's and the tenant's; revoking frees a slot")
    func keyQuota() async throws {
        let fixture = try await ServiceFixture.make()
        // free tier: 1 key (the fixture's own key is it)
        let free = try await fixture.addTenant(tier: .free)
        let freeError = try await expectServiceError(403) {
            try await fixture.service.createApiKey(.init(body: .init(name: "second")), caller: free)
        }
        #expect(freeError.code == "quota_exceeded")
        #expect(freeError.detail.contains("free"))
        #expect(freeError.detail.contains("1"))

        // pro tier allows 5, the tenant only 2
        let pro = try await fixture.addTenant(tier: .pro, maxApiKeys: 2)
        let second = try created(try await fixture.service.createApiKey(.init(body: .init(name: "second")), caller: pro))
        try await expectServiceError(403) { try await fixture.service.createApiKey(.init(body: .init(name: "third")), caller: pro) }
        _ = try await fixture.service.revokeApiKey(.init(keyId: second.id), caller: pro)
        _ = try created(try await fixture.service.createApiKey(.init(body: .init(name: "third")), caller: pro))
    }

    @Test("revoke: 204, again 409, unknown or another tenant's 404")
    func revoke() async throws {
        let fixture = try await ServiceFixture.make()
        let key = try created(try await fixture.service.createApiKey(.init(body: .init(name: "temp")), caller: fixture.admin))
        #expect(try await fixture.service.revokeApiKey(.init(keyId: key.id), caller: fixture.admin) == .noContent)
        #expect(try await fixture.service.authenticate(apiKey: key.key) == .revoked)
        let again = try await expectServiceError(409) { try await fixture.service.revokeApiKey(.init(keyId: key.id), caller: fixture.admin) }
        #expect(again.detail.contains("already revoked"))
        try await expectServiceError(404) { try await fixture.service.revokeApiKey(.init(keyId: UUID()), caller: fixture.admin) }

        let other = try await fixture.addTenant()
        let theirs = try created(try await fixture.service.createApiKey(.init(body: .init(name: "theirs")), caller: other))
        try await expectServiceError(404) { try await fixture.service.revokeApiKey(.init(keyId: theirs.id), caller: fixture.admin) }
        #expect(try await fixture.service.authenticate(apiKey: theirs.key) != .revoked)
    }

    @Test("rotate: a new id, prefix and key named 'rotated', same role; the old key is revoked")
    func rotate() async throws {
        let fixture = try await ServiceFixture.make()
        let old = try created(try await fixture.service.createApiKey(.init(body: .init(name: "deploy", role: .writer)), caller: fixture.admin))
        guard case .created(let new) = try await fixture.service.rotateApiKey(.init(keyId: old.id), caller: fixture.admin) else {
            Issue.record("rotate did not answer 201")
            return
        }
        #expect(new.id != old.id)
        #expect(new.key != old.key)
        #expect(new.keyPrefix == String(new.key.prefix(8)))
        #expect(new.name.contains("rotated"))
        #expect(new.name.contains("deploy"))
        #expect(new.role == .writer)
        #expect(new.tenantId == old.tenantId)
        #expect(try await fixture.service.authenticate(apiKey: old.key) == .revoked)
        guard case .authenticated(let caller) = try await fixture.service.authenticate(apiKey: new.key) else {
            Issue.record("the rotated key does not authenticate")
            return
        }
        #expect(caller.role == .writer)

        let again = try await expectServiceError(409) { try await fixture.service.rotateApiKey(.init(keyId: old.id), caller: fixture.admin) }
        #expect(again.detail.contains("already revoked"))
        try await expectServiceError(404) { try await fixture.service.rotateApiKey(.init(keyId: UUID()), caller: fixture.admin) }
        let other = try await fixture.addTenant()
        try await expectServiceError(404) { try await fixture.service.rotateApiKey(.init(keyId: new.id), caller: other) }
    }

    @Test("no error detail contains a plain key")
    func errorsDoNotLeakKeys() async throws {
        let fixture = try await ServiceFixture.make()
        let key = try created(try await fixture.service.createApiKey(.init(body: .init(name: "k")), caller: fixture.admin))
        _ = try await fixture.service.revokeApiKey(.init(keyId: key.id), caller: fixture.admin)
        let errors = [
            try await expectServiceError(409) { try await fixture.service.revokeApiKey(.init(keyId: key.id), caller: fixture.admin) },
            try await expectServiceError(409) { try await fixture.service.rotateApiKey(.init(keyId: key.id), caller: fixture.admin) },
        ]
        for error in errors {
            #expect(!error.detail.contains(key.key))
            #expect(!error.description.contains(key.key))
        }
    }
}

/// A typed output other than the one a test expects.
struct UnexpectedOutput: Error, CustomStringConvertible {
    let description: String
    init(_ output: Any) { description = "unexpected output: \(output)" }
}
