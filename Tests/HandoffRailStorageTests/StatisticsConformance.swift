import Foundation
import HandoffRailModels
import HandoffRailStorage
import Testing

/// `packetStatistics`, `packetsCreated` and `agentIDs`.
enum StatisticsConformance {
    static let cases: [ConformanceCase] = [
        ConformanceCase("statistics of an empty store are zeros, nils and empties", emptyStatistics),
        ConformanceCase("statistics of a populated store, per tenant and global", populatedStatistics),
    ]

    static func emptyStatistics(_ harness: any StoreHarness) async throws {
        let store = harness.store
        #expect(try await store.packetStatistics(tenantID: nil, now: Fixture.now) == PacketStatistics())
        #expect(try await store.packetStatistics(tenantID: "acme", now: Fixture.now) == PacketStatistics())
        #expect(try await store.packetsCreated(tenantID: "acme", since: .distantPast) == 0)
        #expect(try await store.agentIDs(tenantID: "acme").isEmpty)
        #expect(try await store.outboxEvents(after: 0, limit: 10).isEmpty)
    }

    static func populatedStatistics(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let now = Fixture.now
        let old = Fixture.time(-3 * 86_400)
        let packets = [
            // Created 3 days ago, claimed after 60 s, completed after 600 s, last touched 3 days ago.
            Fixture.packet(
                status: .completed, source: "alpha", sourceName: "Alpha v1", target: "beta", createdAt: old,
                updatedAt: Fixture.time(-3 * 86_400 + 600), claimedAt: Fixture.time(-3 * 86_400 + 60),
                completedAt: Fixture.time(-3 * 86_400 + 600)),
            // Created 2 hours ago, claimed after 30 s.
            Fixture.packet(
                status: .inProgress, source: "alpha", sourceName: "Alpha v2", target: "gamma", createdAt: Fixture.time(-7_200),
                updatedAt: Fixture.time(-7_000), claimedAt: Fixture.time(-7_170)),
            // Waiting: created 30 and 10 minutes ago.
            Fixture.packet(status: .created, source: "delta", target: "beta", createdAt: Fixture.time(-1_800)),
            Fixture.packet(status: .created, source: "alpha", sourceName: "Alpha v3", target: "alpha", targetName: "Alpha v3", createdAt: Fixture.time(-600)),
            Fixture.packet(status: .claimed, source: "delta", target: "gamma", createdAt: Fixture.time(-300), claimedAt: Fixture.time(-270)),
        ]
        try await store.commit(packets.map { Fixture.insert($0, tenant: "acme") }, idempotency: nil)
        let foreign = Fixture.packet(status: .failed, source: "omega", target: "alpha", targetName: "Alpha", createdAt: Fixture.time(-60))
        try await store.commit([Fixture.insert(foreign, tenant: "other")], idempotency: nil)

        let acme = try await store.packetStatistics(tenantID: "acme", now: now)
        #expect(acme.total == 5)
        #expect(acme.byStatus == ["completed": 1, "in_progress": 1, "created": 2, "claimed": 1])
        #expect(acme.createdLastHour == 3)
        #expect(acme.createdLastDay == 4)
        #expect(try #require(acme.averageClaimSeconds).isApproximatelyEqual(to: (60 + 30 + 30) / 3))
        #expect(try #require(acme.averageCompleteSeconds).isApproximatelyEqual(to: 600))
        #expect(acme.activeAgents == 4)  // alpha, gamma, delta, beta (packet 3) — all but packet 1's are recent
        #expect(acme.totalAgentsSeen == 4)
        #expect(acme.topAgents.first == TopAgent(agentId: "alpha", agentName: "Alpha v3", packetCount: 3))
        #expect(acme.topAgents.map(\.agentId) == ["alpha", "beta", "delta", "gamma"])
        #expect(acme.topAgents.map(\.packetCount) == [3, 2, 2, 2])
        #expect(acme.waiting == 2)
        #expect(acme.oldestWaitingCreatedAt == Fixture.time(-1_800))
        #expect(acme.claimedNotCompleted == 2)

        let global = try await store.packetStatistics(tenantID: nil, now: now)
        #expect(global.total == 6)
        #expect(global.byStatus["failed"] == 1)
        #expect(global.createdLastHour == 4)
        #expect(global.totalAgentsSeen == 5)
        #expect(global.topAgents.first == TopAgent(agentId: "alpha", agentName: "Alpha", packetCount: 4))

        #expect(try await store.packetsCreated(tenantID: "acme", since: Fixture.time(-1_800)) == 3)
        #expect(try await store.packetsCreated(tenantID: "acme", since: Fixture.time(-86_400)) == 4)
        #expect(try await store.packetsCreated(tenantID: "other", since: .distantPast) == 1)
        #expect(try await store.agentIDs(tenantID: "acme") == ["alpha", "beta", "gamma", "delta"])
        #expect(try await store.agentIDs(tenantID: "other") == ["omega", "alpha"])
    }
}

extension Double {
    func isApproximatelyEqual(to other: Double) -> Bool { abs(self - other) < 1e-6 }
}
