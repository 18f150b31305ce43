import Foundation
import HandoffRailModels
import HandoffRailStorage
import Testing

/// Inserts, conditional updates, transactions and history.
enum PacketWriteConformance {
    static let cases: [ConformanceCase] = [
        ConformanceCase("insert then read returns the same document at revision 1", insertRoundTrip),
        ConformanceCase("inserting an existing packet id is a duplicate", duplicateInsert),
        ConformanceCase("an update succeeds only from the stored revision", conditionalUpdate),
        ConformanceCase("a conflict in the second change rolls back the whole commit", wholeCommitRollsBack),
        ConformanceCase("of 100 concurrent updates from one revision exactly one wins", concurrentUpdates),
        ConformanceCase("history is oldest first in insertion order", historyOrder),
    ]

    static func insertRoundTrip(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let packet = Fixture.packet(
            tags: ["billing", "q3", "billing"], hitlRequired: true, conversation: ["Hello", "Numbers attached"],
            artifacts: [Artifact(key: "report", value: .string("# Q3"), contentType: "text/markdown")],
            custom: ["score": .number(2.0), "count": .integer(2), "nested": .object(["ok": .bool(true)])],
            createdAt: Fixture.time(0.123456))
        let stored = try await store.commit([Fixture.insert(packet, tenant: "acme")], idempotency: nil)
        #expect(stored == [StoredPacket(tenantID: "acme", packet: packet, revision: 1)])

        let read = try #require(try await store.packet(id: packet.id, tenantID: "acme"))
        #expect(read.packet == packet)
        #expect(read.revision == 1)
        #expect(read.tenantID == "acme")
        #expect(try await store.packet(id: packet.id, tenantID: "other") == nil)
        #expect(try await store.packet(id: UUID(), tenantID: "acme") == nil)
    }

    static func duplicateInsert(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let packet = Fixture.packet()
        try await store.commit([Fixture.insert(packet, tenant: "acme")], idempotency: nil)
        await expectStoreError(.duplicate) {
            try await store.commit([Fixture.insert(packet, tenant: "acme")], idempotency: nil)
        }
        #expect(try await store.history(packetID: packet.id, tenantID: "acme").count == 1)
    }

    static func conditionalUpdate(_ harness: any StoreHarness) async throws {
        let store = harness.store
        var packet = Fixture.packet()
        try await store.commit([Fixture.insert(packet, tenant: "acme")], idempotency: nil)

        packet.status = .claimed
        packet.metadata.claimedAt = Fixture.time(5)
        packet.updatedAt = Fixture.time(5)
        let updated = try await store.commit([Fixture.update(packet, tenant: "acme", from: 1, event: .packetClaimed)], idempotency: nil)
        #expect(updated.map(\.revision) == [2])
        #expect(try await store.packet(id: packet.id, tenantID: "acme") == StoredPacket(tenantID: "acme", packet: packet, revision: 2))

        let historyBefore = try await store.history(packetID: packet.id, tenantID: "acme")
        let auditBefore = try await store.auditEntries(matching: AuditQuery(tenantID: "acme")).total
        let outboxBefore = try await store.outboxEvents(after: 0, limit: 100).count

        var stale = packet
        stale.status = .inProgress
        stale.updatedAt = Fixture.time(6)
        let error = await expectStoreError(.revisionConflict) {
            try await store.commit([Fixture.update(stale, tenant: "acme", from: 1)], idempotency: nil)
        }
        #expect(error?.subject == packet.id.uuidString.lowercased())
        await expectStoreError(.revisionConflict) {
            try await store.commit([Fixture.update(stale, tenant: "other", from: 2)], idempotency: nil)
        }

        #expect(try await store.packet(id: packet.id, tenantID: "acme")?.packet == packet)
        #expect(try await store.history(packetID: packet.id, tenantID: "acme") == historyBefore)
        #expect(try await store.auditEntries(matching: AuditQuery(tenantID: "acme")).total == auditBefore)
        #expect(try await store.outboxEvents(after: 0, limit: 100).count == outboxBefore)
    }

    static func wholeCommitRollsBack(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let hook = Fixture.hook(tenant: "acme", events: [.packetCreated, .packetClaimed])
        #expect(try await store.insertHook(hook, maximumActiveHooks: nil))
        var existing = Fixture.packet()
        try await store.commit([Fixture.insert(existing, tenant: "acme")], idempotency: nil)
        let outboxBefore = try await store.outboxEvents(after: 0, limit: 100)

        let fresh = Fixture.packet(summary: "A brand new packet")
        existing.status = .claimed
        let record = IdempotencyRecord(
            tenantID: "acme", key: "retry-1", requestHash: "abc", statusCode: 201, responseBody: Data("{}".utf8), createdAt: Fixture.now)
        await expectStoreError(.revisionConflict) {
            try await store.commit(
                [Fixture.insert(fresh, tenant: "acme"), Fixture.update(existing, tenant: "acme", from: 7, event: .packetClaimed)],
                idempotency: record)
        }

        #expect(try await store.packet(id: fresh.id, tenantID: "acme") == nil)
        #expect(try await store.history(packetID: fresh.id, tenantID: "acme").isEmpty)
        #expect(try await store.packet(id: existing.id, tenantID: "acme")?.packet.status == .created)
        #expect(try await store.outboxEvents(after: 0, limit: 100) == outboxBefore)
        #expect(try await store.deliveries(hookID: hook.id, tenantID: "acme", status: nil, limit: 50, offset: 0).total == 1)
        #expect(try await store.idempotencyRecord(tenantID: "acme", key: "retry-1", notBefore: .distantPast) == nil)
        #expect(try await store.searchPackets(PacketSearchQuery(tenantID: "acme", text: "brand")).total == 0)
        // The id of the rolled-back insert is free again.
        try await store.commit([Fixture.insert(fresh, tenant: "acme")], idempotency: record)
    }

    static func concurrentUpdates(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let packet = Fixture.packet()
        try await store.commit([Fixture.insert(packet, tenant: "acme")], idempotency: nil)

        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for claimer in 0..<100 {
                group.addTask {
                    var claimed = packet
                    claimed.status = .claimed
                    claimed.metadata.targetAgent = TargetAgentInfo(id: "claimer-\(claimer)", name: "Claimer \(claimer)")
                    do {
                        try await store.commit([Fixture.update(claimed, tenant: "acme", from: 1, event: .packetClaimed)], idempotency: nil)
                        return true
                    } catch let error as StoreError where error.code == .revisionConflict {
                        return false
                    }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(outcomes.count == 100)
        let stored = try #require(try await store.packet(id: packet.id, tenantID: "acme"))
        #expect(stored.revision == 2)
        #expect(stored.packet.status == .claimed)
        #expect(try await store.history(packetID: packet.id, tenantID: "acme").count == 2)
    }

    static func historyOrder(_ harness: any StoreHarness) async throws {
        let store = harness.store
        var packet = Fixture.packet()
        // Several events in the same microsecond keep their insertion order.
        let sameInstant = Fixture.time(1)
        let first = ["created", "claimed", "in_progress"].map { Fixture.historyEvent($0, of: packet, at: sameInstant) }
        try await store.commit([PacketChange(kind: .insert, tenantID: "acme", packet: packet, history: first)], idempotency: nil)
        packet.status = .completed
        let second = ["completed", "hitl_responded"].map { Fixture.historyEvent($0, of: packet, at: sameInstant) }
        try await store.commit(
            [PacketChange(kind: .update(expectedRevision: 1), tenantID: "acme", packet: packet, history: second)], idempotency: nil)

        let history = try await store.history(packetID: packet.id, tenantID: "acme")
        #expect(history == first + second)
        #expect(history.map(\.eventType) == ["created", "claimed", "in_progress", "completed", "hitl_responded"])
        #expect(try await store.history(packetID: packet.id, tenantID: "other").isEmpty)
    }
}
