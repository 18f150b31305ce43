import Foundation
import HandoffRailModels
import HandoffRailStorage
import Testing

/// The sweeper's queries: TTL candidates, HITL timeouts, pruning.
enum ExpiryConformance {
    static let cases: [ConformanceCase] = [
        ConformanceCase("expiry: TTL candidates are live packets older than the cutoff, per scope", ttlCandidates),
        ConformanceCase("expiry: HITL timeouts count from the latest entry into awaiting_human", hitlTimeouts),
        ConformanceCase("pruning: old outbox rows and idempotency records, in bounded batches", pruning),
    ]

    static func ttlCandidates(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let statuses: [PacketStatus] = [.created, .claimed, .inProgress, .awaitingHuman, .failed, .completed, .expired]
        var live: [UUID] = []
        for (index, status) in statuses.enumerated() {
            let packet = Fixture.packet(status: status, createdAt: Fixture.time(Double(index)))
            try await store.commit([Fixture.insert(packet, tenant: "acme")], idempotency: nil)
            if index < 5 { live.append(packet.id) }
        }
        let young = Fixture.packet(createdAt: Fixture.time(100))
        let foreign = Fixture.packet(createdAt: Fixture.time(0.5))
        try await store.commit([Fixture.insert(young, tenant: "acme"), Fixture.insert(foreign, tenant: "other")], idempotency: nil)

        let acme = try await store.packetsPastTTL(TTLExpiryQuery(scope: .tenant("acme"), createdBefore: Fixture.time(50), limit: 10))
        #expect(acme.map(\.packet.id) == live)
        #expect(acme.allSatisfy { $0.tenantID == "acme" && $0.revision == 1 })
        let limited = try await store.packetsPastTTL(TTLExpiryQuery(scope: .tenant("acme"), createdBefore: Fixture.time(50), limit: 2))
        #expect(limited.map(\.packet.id) == Array(live.prefix(2)))

        let everyone = try await store.packetsPastTTL(TTLExpiryQuery(scope: .allTenants(except: []), createdBefore: Fixture.time(50), limit: 10))
        #expect(everyone.map(\.packet.id) == [live[0], foreign.id] + live.dropFirst())
        let withoutAcme = try await store.packetsPastTTL(TTLExpiryQuery(scope: .allTenants(except: ["acme"]), createdBefore: Fixture.time(50), limit: 10))
        #expect(withoutAcme.map(\.packet.id) == [foreign.id])
        #expect(withoutAcme.first?.tenantID == "other")
        #expect(try await store.packetsPastTTL(TTLExpiryQuery(scope: .tenant("acme"), createdBefore: Fixture.time(0), limit: 10)).isEmpty)
    }

    static func hitlTimeouts(_ harness: any StoreHarness) async throws {
        let store = harness.store
        // Created awaiting at t = 0 with a 60 s timeout: due after t = 60.
        var createdAwaiting = Fixture.packet(status: .awaitingHuman, hitlRequired: true, createdAt: Fixture.time(0))
        createdAwaiting.hitl?.timeoutSeconds = 60
        // Created at t = 0, entered awaiting_human at t = 100 with a 60 s timeout: due after t = 160.
        var enteredLater = Fixture.packet(createdAt: Fixture.time(0))
        enteredLater.hitl = HitlCheckpoint(reason: "Sign-off", timeoutSeconds: 60)
        // Awaiting without a timeout: never due.
        let noTimeout = Fixture.packet(status: .awaitingHuman, hitlRequired: true, createdAt: Fixture.time(0))
        // A timeout but no longer awaiting: never due.
        var answered = Fixture.packet(status: .claimed, createdAt: Fixture.time(0))
        answered.hitl = HitlCheckpoint(reason: "Sign-off", response: "yes", timeoutSeconds: 1)
        for packet in [createdAwaiting, enteredLater, noTimeout, answered] {
            try await store.commit([Fixture.insert(packet, tenant: packet.id == noTimeout.id ? "other" : "acme")], idempotency: nil)
        }
        var awaiting = enteredLater
        awaiting.status = .awaitingHuman
        awaiting.updatedAt = Fixture.time(100)
        try await store.commit([Fixture.update(awaiting, tenant: "acme", from: 1, event: .packetAwaitingHuman)], idempotency: nil)

        #expect(try await store.packetsPastHITLTimeout(now: Fixture.time(60), limit: 10).isEmpty)
        let first = try await store.packetsPastHITLTimeout(now: Fixture.time(61), limit: 10)
        #expect(first.map(\.packet.id) == [createdAwaiting.id])
        #expect(first.first?.revision == 1)
        #expect(try await store.packetsPastHITLTimeout(now: Fixture.time(160), limit: 10).map(\.packet.id) == [createdAwaiting.id])
        let both = try await store.packetsPastHITLTimeout(now: Fixture.time(161), limit: 10)
        #expect(Set(both.map(\.packet.id)) == [createdAwaiting.id, enteredLater.id])
        #expect(both.first { $0.packet.id == enteredLater.id }?.revision == 2)
        #expect(try await store.packetsPastHITLTimeout(now: Fixture.time(161), limit: 1).count == 1)
    }

    static func pruning(_ harness: any StoreHarness) async throws {
        let store = harness.store
        for index in 0..<5 {
            let packet = Fixture.packet(createdAt: Fixture.time(Double(index)))
            let record = IdempotencyRecord(
                tenantID: "acme", key: "key-\(index)", requestHash: "hash", statusCode: 201, responseBody: Data("{}".utf8),
                createdAt: Fixture.time(Double(index)))
            try await store.commit([Fixture.insert(packet, tenant: "acme")], idempotency: record)
        }
        #expect(try await store.pruneOutbox(createdBefore: Fixture.time(3), limit: 2) == 2)
        #expect(try await store.pruneOutbox(createdBefore: Fixture.time(3), limit: 10) == 1)
        #expect(try await store.pruneOutbox(createdBefore: Fixture.time(3), limit: 10) == 0)
        let remaining = try await store.outboxEvents(after: 0, limit: 10)
        #expect(remaining.map(\.event.timestamp) == [Fixture.time(3), Fixture.time(4)])

        #expect(try await store.pruneIdempotencyRecords(createdBefore: Fixture.time(2), limit: 10) == 2)
        #expect(try await store.idempotencyRecord(tenantID: "acme", key: "key-1", notBefore: .distantPast) == nil)
        #expect(try await store.idempotencyRecord(tenantID: "acme", key: "key-2", notBefore: .distantPast) != nil)
        #expect(try await store.pruneIdempotencyRecords(createdBefore: Fixture.time(10), limit: 10) == 3)
    }
}
