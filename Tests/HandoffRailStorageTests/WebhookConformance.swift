import Foundation
import HandoffRailModels
import HandoffRailStorage
import Testing

/// Webhook registrations, dead letters, delivery statistics and the schema registry.
enum WebhookConformance {
    static let cases: [ConformanceCase] = [
        ConformanceCase("hooks: limit, list with inactive ones, deactivate once", hooks),
        ConformanceCase("dead letters: list, replay one, retry all", deadLetters),
        ConformanceCase("delivery statistics count recent, failed and dead deliveries", deliveryStatistics),
        ConformanceCase("schemas: insert, read, list oldest first", schemas),
    ]

    static func hooks(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let first = Fixture.hook(tenant: "acme", createdAt: Fixture.time(0))
        let second = Fixture.hook(tenant: "acme", events: [.packetFailed, .hitlResponseReady], createdAt: Fixture.time(1))
        #expect(try await store.insertHook(first, maximumActiveHooks: 2))
        #expect(try await store.insertHook(second, maximumActiveHooks: 2))
        let third = Fixture.hook(tenant: "acme", createdAt: Fixture.time(2))
        #expect(try await store.insertHook(third, maximumActiveHooks: 2) == false)
        #expect(try await store.hook(id: second.id, tenantID: "acme") == second)
        #expect(try await store.activeHookCount(tenantID: "acme") == 2)

        #expect(try await store.deactivateHook(id: first.id, tenantID: "acme"))
        #expect(try await store.deactivateHook(id: first.id, tenantID: "acme") == false)
        #expect(try await store.deactivateHook(id: UUID(), tenantID: "acme") == false)
        #expect(try await store.activeHookCount(tenantID: "acme") == 1)
        #expect(try await store.insertHook(third, maximumActiveHooks: 2))
        var inactive = first
        inactive.active = false
        #expect(try await store.hooks(tenantID: "acme") == [inactive, second, third])
        #expect(try await store.activeHookCount(tenantID: nil) == 2)
        await expectStoreError(.duplicate) { try await store.insertHook(third, maximumActiveHooks: nil) }
    }

    /// Three deliveries for `acme` (one hook, three events) and one for `other`, all made dead.
    static func seedDeadLetters(_ harness: any StoreHarness) async throws -> (hook: StoredWebhook, dead: [WebhookDelivery]) {
        let store = harness.store
        let hook = Fixture.hook(tenant: "acme", events: [.packetCreated])
        let foreignHook = Fixture.hook(tenant: "other", events: [.packetCreated])
        _ = try await store.insertHook(hook, maximumActiveHooks: nil)
        _ = try await store.insertHook(foreignHook, maximumActiveHooks: nil)
        for index in 0..<3 {
            try await store.commit([Fixture.insert(Fixture.packet(createdAt: Fixture.time(Double(index))), tenant: "acme")], idempotency: nil)
        }
        try await store.commit([Fixture.insert(Fixture.packet(), tenant: "other")], idempotency: nil)
        for (hookID, tenant) in [(hook.id, "acme"), (foreignHook.id, "other")] {
            for delivery in try await store.deliveries(hookID: hookID, tenantID: tenant, status: nil, limit: 10, offset: 0).rows {
                try await harness.setDeliveryOutcome(id: delivery.id, status: .deadLetter, latencyMs: 12.5)
            }
        }
        let dead = try await store.deliveries(hookID: hook.id, tenantID: "acme", status: .deadLetter, limit: 10, offset: 0).rows
        return (hook, dead)
    }

    static func deadLetters(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let (hook, dead) = try await seedDeadLetters(harness)
        #expect(dead.count == 3)
        let page = try await store.deadLetters(tenantID: "acme", limit: 2, offset: 0)
        #expect(page.total == 3)
        #expect(page.rows == Array(dead.prefix(2)))
        #expect(try await store.deadLetters(tenantID: "other", limit: 10, offset: 0).total == 1)

        let replayed = try #require(try await store.replayDeadLetter(id: dead[1].id, tenantID: "acme", at: Fixture.time(100)))
        #expect(replayed.id == dead[1].id)
        #expect(replayed.status == .pending)
        #expect(replayed.attempts == 0)
        #expect(replayed.nextRetryAt == Fixture.time(100))
        #expect(try await store.replayDeadLetter(id: dead[1].id, tenantID: "acme", at: Fixture.time(101)) == nil)
        #expect(try await store.replayDeadLetter(id: dead[0].id, tenantID: "other", at: Fixture.time(101)) == nil)
        #expect(try await store.replayDeadLetter(id: UUID(), tenantID: "acme", at: Fixture.time(101)) == nil)
        #expect(try await store.deadLetters(tenantID: "acme", limit: 10, offset: 0).rows.map(\.id) == [dead[0].id, dead[2].id])

        #expect(try await store.retryAllDeadLetters(tenantID: "acme", at: Fixture.time(200)) == 2)
        #expect(try await store.deadLetters(tenantID: "acme", limit: 10, offset: 0).total == 0)
        #expect(try await store.deadLetters(tenantID: "other", limit: 10, offset: 0).total == 1)
        let pending = try await store.deliveries(hookID: hook.id, tenantID: "acme", status: .pending, limit: 10, offset: 0).rows
        #expect(pending.count == 3)
        #expect(pending.filter { $0.id != dead[1].id }.allSatisfy { $0.nextRetryAt == Fixture.time(200) && $0.attempts == 0 })
        #expect(try await store.retryAllDeadLetters(tenantID: nil, at: Fixture.time(300)) == 1)
        #expect(try await store.retryAllDeadLetters(tenantID: nil, at: Fixture.time(300)) == 0)
    }

    static func deliveryStatistics(_ harness: any StoreHarness) async throws {
        let store = harness.store
        #expect(try await store.deliveryStatistics(since: .distantPast) == DeliveryStatistics())
        let hook = Fixture.hook(tenant: "acme", events: [.packetCreated])
        _ = try await store.insertHook(hook, maximumActiveHooks: nil)
        // Five deliveries created at t = 0 … 4.
        for index in 0..<5 {
            try await store.commit([Fixture.insert(Fixture.packet(createdAt: Fixture.time(Double(index))), tenant: "acme")], idempotency: nil)
        }
        let newestFirst = try await store.deliveries(hookID: hook.id, tenantID: "acme", status: nil, limit: 10, offset: 0).rows
        let outcomes: [(DeliveryStatus, Double?)] = [(.delivered, 10), (.delivered, 30), (.failed, 500), (.deadLetter, 900), (.delivered, 99)]
        for (delivery, outcome) in zip(newestFirst, outcomes) {
            try await harness.setDeliveryOutcome(id: delivery.id, status: outcome.0, latencyMs: outcome.1)
        }
        // Since t = 1: the four newest (delivered 10, delivered 30, failed, dead).
        let recent = try await store.deliveryStatistics(since: Fixture.time(1))
        #expect(recent == DeliveryStatistics(recent: 4, failed: 2, averageLatencyMs: 20, deadLetters: 1))
        let all = try await store.deliveryStatistics(since: Fixture.time(0))
        #expect(all.recent == 5)
        let expectedAverage: Double = (10 + 30 + 99) / 3
        #expect(all.averageLatencyMs == expectedAverage)
        #expect(try await store.deliveryStatistics(since: Fixture.time(10)) == DeliveryStatistics(deadLetters: 1))
    }

    static func schemas(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let first = Fixture.schema(tenant: "acme", name: "invoice", version: 1, createdAt: Fixture.time(0))
        let second = Fixture.schema(tenant: "acme", name: "invoice", version: 2, createdAt: Fixture.time(1))
        let third = Fixture.schema(tenant: "acme", name: "ticket", createdAt: Fixture.time(2))
        for schema in [second, first, third] { try await store.insertSchema(schema) }
        #expect(try await store.schema(id: second.id, tenantID: "acme") == second)
        #expect(try await store.schema(id: second.id, tenantID: "other") == nil)
        let page = try await store.schemas(tenantID: "acme", limit: 2, offset: 0)
        #expect(page.rows == [first, second])
        #expect(page.total == 3)
        #expect(try await store.schemas(tenantID: "acme", limit: 2, offset: 2).rows == [third])
        await expectStoreError(.duplicate) { try await store.insertSchema(first) }
    }
}
