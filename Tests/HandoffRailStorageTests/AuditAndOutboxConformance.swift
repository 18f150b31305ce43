import Foundation
import HandoffRailModels
import HandoffRailStorage
import Testing

/// Audit entries, the outbox, webhook fan-out and idempotency records.
enum AuditAndOutboxConformance {
    static let cases: [ConformanceCase] = [
        ConformanceCase("audit entries are newest first with every filter and totals", auditFilters),
        ConformanceCase("events reach the outbox and only active subscribed hooks", outboxAndDeliveries),
        ConformanceCase("idempotency records are saved with the commit and unique per key", idempotency),
    ]

    static func auditFilters(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let first = Fixture.packet(createdAt: Fixture.time(0))
        let second = Fixture.packet(createdAt: Fixture.time(10))
        let entries = [
            Fixture.auditEntry("created", of: first, actor: "agent:planner", at: Fixture.time(0)),
            Fixture.auditEntry("claimed", of: first, actor: "agent:executor", at: Fixture.time(1)),
            Fixture.auditEntry("created", of: second, actor: "agent:planner", at: Fixture.time(10)),
            Fixture.auditEntry("completed", of: first, actor: "agent:executor", at: Fixture.time(20)),
        ]
        try await store.commit([PacketChange(kind: .insert, tenantID: "acme", packet: first, audit: Array(entries[0...1]))], idempotency: nil)
        try await store.commit([PacketChange(kind: .insert, tenantID: "acme", packet: second, audit: [entries[2]])], idempotency: nil)
        try await store.commit([PacketChange(kind: .update(expectedRevision: 1), tenantID: "acme", packet: first, audit: [entries[3]])], idempotency: nil)
        let foreign = Fixture.packet()
        try await store.commit([PacketChange(kind: .insert, tenantID: "other", packet: foreign, audit: [Fixture.auditEntry("created", of: foreign)])], idempotency: nil)

        func expectAudit(_ query: AuditQuery, _ expected: [AuditEntry], total: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let page = try await store.auditEntries(matching: query)
            #expect(page.rows == expected, sourceLocation: sourceLocation)
            #expect(page.total == (total ?? expected.count), sourceLocation: sourceLocation)
        }
        try await expectAudit(AuditQuery(tenantID: "acme"), entries.reversed())
        try await expectAudit(AuditQuery(tenantID: "acme", actor: "agent:executor"), [entries[3], entries[1]])
        try await expectAudit(AuditQuery(tenantID: "acme", action: "created"), [entries[2], entries[0]])
        try await expectAudit(AuditQuery(tenantID: "acme", packetID: first.id), [entries[3], entries[1], entries[0]])
        try await expectAudit(AuditQuery(tenantID: "acme", createdAfter: Fixture.time(1), createdBefore: Fixture.time(10)), [entries[2], entries[1]])
        try await expectAudit(AuditQuery(tenantID: "acme", action: "created", packetID: second.id), [entries[2]])
        try await expectAudit(AuditQuery(tenantID: "acme", limit: 2, offset: 1), [entries[2], entries[1]], total: 4)
        try await expectAudit(AuditQuery(tenantID: "acme", actor: "agent:nobody"), [])
    }

    static func outboxAndDeliveries(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let subscribed = Fixture.hook(tenant: "acme", events: [.packetCreated, .packetCompleted])
        let otherEvents = Fixture.hook(tenant: "acme", events: [.packetFailed])
        let inactive = Fixture.hook(tenant: "acme", events: [.packetCreated], active: false)
        let deactivated = Fixture.hook(tenant: "acme", events: [.packetCreated])
        let foreign = Fixture.hook(tenant: "other", events: [.packetCreated])
        for hook in [subscribed, otherEvents, inactive, deactivated, foreign] {
            #expect(try await store.insertHook(hook, maximumActiveHooks: nil))
        }
        #expect(try await store.deactivateHook(id: deactivated.id, tenantID: "acme"))

        var packet = Fixture.packet(createdAt: Fixture.time(1))
        let created = Fixture.event(.packetCreated, of: packet)
        try await store.commit([PacketChange(kind: .insert, tenantID: "acme", packet: packet, events: [created])], idempotency: nil)
        packet.status = .completed
        packet.updatedAt = Fixture.time(2)
        let updated = Fixture.event(.packetUpdated, of: packet)
        let completed = Fixture.event(.packetCompleted, of: packet)
        try await store.commit(
            [PacketChange(kind: .update(expectedRevision: 1), tenantID: "acme", packet: packet, events: [updated, completed])], idempotency: nil)

        let outbox = try await store.outboxEvents(after: 0, limit: 10)
        #expect(outbox.map(\.id) == [created.id, updated.id, completed.id])
        #expect(outbox.map(\.event) == [created.payload, updated.payload, completed.payload])
        #expect(outbox.allSatisfy { $0.tenantID == "acme" })
        #expect(zip(outbox, outbox.dropFirst()).allSatisfy { $0.sequence < $1.sequence })
        #expect(try await store.outboxEvents(after: outbox[0].sequence, limit: 1).map(\.id) == [updated.id])
        #expect(try await store.outboxEvents(after: outbox[2].sequence, limit: 10).isEmpty)

        let deliveries = try await store.deliveries(hookID: subscribed.id, tenantID: "acme", status: nil, limit: 10, offset: 0)
        #expect(deliveries.total == 2)
        #expect(deliveries.rows.map(\.eventType) == [.packetCompleted, .packetCreated])
        for delivery in deliveries.rows {
            #expect(delivery.webhookId == subscribed.id)
            #expect(delivery.packetId == packet.id)
            #expect(delivery.status == .pending)
            #expect(delivery.attempts == 0)
            #expect(delivery.deliveredAt == nil)
        }
        #expect(deliveries.rows.map(\.createdAt) == [Fixture.time(2), Fixture.time(1)])
        for hook in [otherEvents, inactive, deactivated] {
            #expect(try await store.deliveries(hookID: hook.id, tenantID: "acme", status: nil, limit: 10, offset: 0).total == 0)
        }
        #expect(try await store.deliveries(hookID: foreign.id, tenantID: "other", status: nil, limit: 10, offset: 0).total == 0)
        #expect(try await store.deliveries(hookID: subscribed.id, tenantID: "acme", status: .pending, limit: 1, offset: 1).rows.map(\.eventType) == [.packetCreated])
        #expect(try await store.deliveries(hookID: subscribed.id, tenantID: "acme", status: .delivered, limit: 10, offset: 0).total == 0)
    }

    static func idempotency(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let record = IdempotencyRecord(
            tenantID: "acme", key: "create-42", requestHash: "9f86d081", statusCode: 201,
            responseBody: Data(#"{"id":"x","score":2.0}"#.utf8), createdAt: Fixture.time(0))
        let packet = Fixture.packet()
        try await store.commit([Fixture.insert(packet, tenant: "acme")], idempotency: record)

        #expect(try await store.idempotencyRecord(tenantID: "acme", key: "create-42", notBefore: Fixture.time(-60)) == record)
        #expect(try await store.idempotencyRecord(tenantID: "acme", key: "create-42", notBefore: Fixture.time(0)) == record)
        #expect(try await store.idempotencyRecord(tenantID: "acme", key: "create-42", notBefore: Fixture.time(1)) == nil)
        #expect(try await store.idempotencyRecord(tenantID: "other", key: "create-42", notBefore: .distantPast) == nil)
        #expect(try await store.idempotencyRecord(tenantID: "acme", key: "other", notBefore: .distantPast) == nil)

        let retried = Fixture.packet()
        await expectStoreError(.duplicate) {
            try await store.commit([Fixture.insert(retried, tenant: "acme")], idempotency: record)
        }
        #expect(try await store.packet(id: retried.id, tenantID: "acme") == nil)
        // The same key is free in another tenant.
        var foreign = record
        foreign.tenantID = "other"
        try await store.commit([Fixture.insert(retried, tenant: "other")], idempotency: foreign)
        #expect(try await store.idempotencyRecord(tenantID: "other", key: "create-42", notBefore: .distantPast) == foreign)
    }
}
