import Foundation
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// The non-packet operations through the ``HandoffRailClient`` facade, in-process.
@Suite("Client facade: hooks, schemas, keys, tenants, audit, system")
struct AdminOperationTests {
    @Test("webhooks: create, list, deliveries, dead letters, replay, retry-all, delete")
    func hooks() async throws {
        let client = try await ClientTestServer.make().inProcessClient()
        let hook = try await client.createHook(WebhookCreate(url: "https://hooks.example.invalid/handoffrail", events: [.packetCreated], secret: "0123456789abcdef0123"))
        #expect(hook.active)
        #expect(try await client.listHooks().map(\.id) == [hook.id])
        #expect(try await client.listHookDeliveries(hookId: hook.id).isEmpty)
        #expect(try await client.listDeadLetters().isEmpty)
        #expect(try await client.retryAllDeadLetters().retried == 0)
        let replay = await #expect(throws: HandoffRailError.self) { try await client.replayDeadLetter(deliveryId: UUID()) }
        #expect(replay?.kind == .notFound)
        try await client.deleteHook(hookId: hook.id)
        #expect(try await client.listHooks().first?.active == false)
    }

    @Test("schemas: create, get, list")
    func schemas() async throws {
        let client = try await ClientTestServer.make().inProcessClient()
        let schema = try await client.createSchema(SchemaCreate(name: "refund", jsonSchema: ["type": "object", "required": ["amount"]]))
        #expect(try await client.getSchema(schemaId: schema.id) == schema)
        #expect(try await client.listSchemas().schemas.map(\.id) == [schema.id])
    }

    @Test("API keys: create, list, rotate, revoke; tenants: create, get, update, keys, list, delete")
    func keysAndTenants() async throws {
        let client = try await ClientTestServer.make().inProcessClient()
        let key = try await client.createApiKey(ApiKeyCreate(name: "ci", role: .reader))
        #expect(key.key.hasPrefix("hr_"))
        #expect(try await client.listApiKeys().contains { $0.id == key.id && $0.key == nil })
        let rotated = try await client.rotateApiKey(keyId: key.id)
        #expect(rotated.key != key.key)
        try await client.revokeApiKey(keyId: rotated.id)
        #expect(try await client.listApiKeys().first { $0.id == rotated.id }?.revoked == true)

        let tenant = try await client.createTenant(TenantCreate(name: "acme", tier: .pro, handoffsPerDay: 100, maxApiKeys: 5))
        #expect(try await client.getTenant(tenantId: tenant.id).name == "acme")
        #expect(try await client.updateTenant(tenantId: tenant.id, body: TenantUpdate(tier: .business)).tier == .business)
        _ = try await client.createApiKey(ApiKeyCreate(name: "acme admin", tenantId: tenant.id, role: .admin))
        #expect(try await client.listTenantApiKeys(tenantId: tenant.id).count == 1)
        #expect(try await client.listTenants().contains { $0.id == tenant.id })
        try await client.deleteTenant(tenantId: tenant.id)
        let gone = await #expect(throws: HandoffRailError.self) { try await client.getTenant(tenantId: tenant.id) }
        #expect(gone?.kind == .notFound)
    }

    @Test("audit, stats, system health, health, readiness, metrics, spec")
    func systemEndpoints() async throws {
        let client = try await ClientTestServer.make().inProcessClient()
        let packet = try await client.createPacket(Samples.packet())
        let audit = try await client.listAuditEntries(packetId: packet.id)
        #expect(audit.entries.map(\.action) == ["created"])
        #expect(audit.entries.allSatisfy { $0.packetId == packet.id })
        #expect(try await client.getStats().totalPackets == 1)
        #expect(try await client.getSystemHealth().totalPackets == 1)
        #expect(try await client.getHealth().status == "ok")
        #expect(try await client.getReadiness().db)
        #expect(try await client.getMetrics().contains("handoffrail_requests_total"))
        #expect(try await client.getOpenAPISpec().contains("openapi: 3.1.0"))
    }
}
