import Foundation
import HandoffRailModels
import HandoffRailStorage
import Testing

/// Tenant scoping across every read, and the health probes.
enum IsolationConformance {
    static let cases: [ConformanceCase] = [
        ConformanceCase("tenant B never sees tenant A's rows", tenantIsolation),
        ConformanceCase("health: ping, size and pool facts", health),
    ]

    static func tenantIsolation(_ harness: any StoreHarness) async throws {
        let store = harness.store
        try await store.insertTenant(Fixture.tenant("a"))
        try await store.insertTenant(Fixture.tenant("b"))
        let hook = Fixture.hook(tenant: "a")
        _ = try await store.insertHook(hook, maximumActiveHooks: nil)
        let key = Fixture.key(tenant: "a")
        _ = try await store.insertKey(key, maximumActiveKeys: nil)
        let schema = Fixture.schema(tenant: "a")
        try await store.insertSchema(schema)
        let packet = Fixture.packet(tags: ["secret"], summary: "Confidential merger plan")
        try await store.commit([Fixture.insert(packet, tenant: "a")], idempotency: nil)

        #expect(try await store.packet(id: packet.id, tenantID: "b") == nil)
        #expect(try await store.packets(matching: PacketQuery(tenantID: "b")).total == 0)
        #expect(try await store.packets(matching: PacketQuery(tenantID: "b", tags: ["secret"])).total == 0)
        #expect(try await store.searchPackets(PacketSearchQuery(tenantID: "b", text: "merger")).total == 0)
        #expect(try await store.history(packetID: packet.id, tenantID: "b").isEmpty)
        #expect(try await store.auditEntries(matching: AuditQuery(tenantID: "b", packetID: packet.id)).total == 0)
        #expect(try await store.packetStatistics(tenantID: "b", now: Fixture.now) == PacketStatistics())
        #expect(try await store.agentIDs(tenantID: "b").isEmpty)
        #expect(try await store.keys(tenantID: "b").isEmpty)
        #expect(try await store.key(id: key.id, tenantID: "b") == nil)
        #expect(try await store.revokeKey(id: key.id, tenantID: "b", at: Fixture.now) == false)
        #expect(try await store.hooks(tenantID: "b").isEmpty)
        #expect(try await store.hook(id: hook.id, tenantID: "b") == nil)
        #expect(try await store.deactivateHook(id: hook.id, tenantID: "b") == false)
        #expect(try await store.deliveries(hookID: hook.id, tenantID: "b", status: nil, limit: 10, offset: 0).total == 0)
        #expect(try await store.deadLetters(tenantID: "b", limit: 10, offset: 0).total == 0)
        #expect(try await store.schema(id: schema.id, tenantID: "b") == nil)
        #expect(try await store.schemas(tenantID: "b", limit: 10, offset: 0).total == 0)

        // Tenant A sees all of it.
        #expect(try await store.packets(matching: PacketQuery(tenantID: "a", tags: ["secret"])).rows == [packet])
        #expect(try await store.searchPackets(PacketSearchQuery(tenantID: "a", text: "merger")).rows == [packet])
        #expect(try await store.deliveries(hookID: hook.id, tenantID: "a", status: nil, limit: 10, offset: 0).total == 1)
        #expect(try await store.keys(tenantID: "a") == [key])
    }

    static func health(_ harness: any StoreHarness) async throws {
        let store = harness.store
        try await store.ping()
        #expect(!store.backendName.isEmpty)
        let size = try await store.databaseSizeBytes()
        if let size { #expect(size > 0) }
        let pool = store.connectionPoolDescription()
        #expect(pool["writers"] != nil)
        #expect(pool["readers"] != nil)
    }
}
