import Foundation
import HandoffRailModels
import HandoffRailStorage
import Testing

/// The dispatcher's queue: leases, outcomes under a lease, due times, dead letters.
enum DeliveryQueueConformance {
    static let cases: [ConformanceCase] = [
        ConformanceCase("delivery queue: a lease takes due rows once, earliest first, with the hook", leaseOnce),
        ConformanceCase("delivery queue: outcomes need the lease; retry, delivered, dead letter", outcomes),
        ConformanceCase("delivery queue: an expired lease makes rows due again for another dispatcher", expiredLease),
        ConformanceCase("delivery queue: a replayed dead letter is leased again", replayedDeadLetter),
    ]

    /// A hook of `acme` for `packet.created` and `count` packets created at t = 0, 1, …
    static func seed(_ store: any HandoffRailStore, count: Int, hookActive: Bool = true) async throws -> StoredWebhook {
        let hook = Fixture.hook(tenant: "acme", events: [.packetCreated])
        _ = try await store.insertHook(hook, maximumActiveHooks: nil)
        for index in 0..<count {
            try await store.commit([Fixture.insert(Fixture.packet(createdAt: Fixture.time(Double(index))), tenant: "acme")], idempotency: nil)
        }
        if !hookActive { _ = try await store.deactivateHook(id: hook.id, tenantID: "acme") }
        return hook
    }

    static func leaseOnce(_ harness: any StoreHarness) async throws {
        let store = harness.store
        #expect(try await store.nextDeliveryDue() == nil)
        let hook = try await seed(store, count: 3)
        #expect(try await store.nextDeliveryDue() == Fixture.time(0))

        // At t = 1.5 only the first two are due.
        let lease = DeliveryLease(until: Fixture.time(60))
        let first = try await store.leaseDueDeliveries(now: Fixture.time(1.5), lease: lease, limit: 10)
        #expect(first.count == 2)
        #expect(first.allSatisfy { $0.hookID == hook.id && $0.url == hook.url && $0.secret == hook.secret && $0.hookActive })
        #expect(first.allSatisfy { $0.attempts == 0 && $0.tenantID == "acme" && $0.eventType == .packetCreated })
        let events = try first.map { try HandoffRailJSON.decode(Event.self, from: $0.payload) }
        #expect(events.map(\.type) == [.packetCreated, .packetCreated])
        #expect(Set(first.map(\.createdAt)) == [Fixture.time(0), Fixture.time(1)])

        // Leased rows are not due again while the lease lasts; the third one is.
        let second = try await store.leaseDueDeliveries(now: Fixture.time(30), lease: DeliveryLease(until: Fixture.time(90)), limit: 10)
        #expect(second.count == 1)
        #expect(Set(first.map(\.id) + second.map(\.id)).count == 3)
        #expect(try await store.leaseDueDeliveries(now: Fixture.time(59), lease: DeliveryLease(until: Fixture.time(99)), limit: 10).isEmpty)
        #expect(try await store.nextDeliveryDue() == Fixture.time(60))
        #expect(try await store.leaseDueDeliveries(now: Fixture.time(0), lease: lease, limit: 0).isEmpty)
    }

    static func outcomes(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let hook = try await seed(store, count: 3)
        let lease = DeliveryLease(until: Fixture.time(60))
        let leased = try await store.leaseDueDeliveries(now: Fixture.time(10), lease: lease, limit: 10)
        #expect(leased.count == 3)

        let wrongLease = DeliveryLease(until: Fixture.time(60))
        #expect(try await store.recordDeliveryAttempt(
            DeliveryAttempt(next: .delivered, finishedAt: Fixture.time(11)), deliveryID: leased[0].id, lease: wrongLease) == false)

        #expect(try await store.recordDeliveryAttempt(
            DeliveryAttempt(next: .retry(at: Fixture.time(20)), finishedAt: Fixture.time(11), responseStatus: 503, error: "HTTP 503", latencyMs: 4.5),
            deliveryID: leased[0].id, lease: lease))
        #expect(try await store.recordDeliveryAttempt(
            DeliveryAttempt(next: .delivered, finishedAt: Fixture.time(12), responseStatus: 204, latencyMs: 2.5),
            deliveryID: leased[1].id, lease: lease))
        #expect(try await store.recordDeliveryAttempt(
            DeliveryAttempt(next: .deadLetter, finishedAt: Fixture.time(13), error: "timed out"),
            deliveryID: leased[2].id, lease: lease))
        // The lease is released with the outcome: a second outcome under it is refused.
        #expect(try await store.recordDeliveryAttempt(
            DeliveryAttempt(next: .delivered, finishedAt: Fixture.time(14)), deliveryID: leased[0].id, lease: lease) == false)

        let rows = try await store.deliveries(hookID: hook.id, tenantID: "acme", status: nil, limit: 10, offset: 0).rows
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
        let retried = try #require(byID[leased[0].id])
        #expect(retried.status == .failed && retried.attempts == 1 && retried.responseStatus == 503)
        #expect(retried.error == "HTTP 503" && retried.latencyMs == 4.5 && retried.nextRetryAt == Fixture.time(20))
        let delivered = try #require(byID[leased[1].id])
        #expect(delivered.status == .delivered && delivered.attempts == 1 && delivered.deliveredAt == Fixture.time(12))
        #expect(delivered.nextRetryAt == nil && delivered.responseStatus == 204)
        let dead = try #require(byID[leased[2].id])
        #expect(dead.status == .deadLetter && dead.attempts == 1 && dead.error == "timed out" && dead.nextRetryAt == nil)
        #expect(try await store.deadLetterCount() == 1)

        // The failed one comes due at its retry time, with its attempt count.
        #expect(try await store.nextDeliveryDue() == Fixture.time(20))
        #expect(try await store.leaseDueDeliveries(now: Fixture.time(19), lease: DeliveryLease(until: Fixture.time(80)), limit: 10).isEmpty)
        let again = try await store.leaseDueDeliveries(now: Fixture.time(20), lease: DeliveryLease(until: Fixture.time(80)), limit: 10)
        #expect(again.map(\.id) == [leased[0].id])
        #expect(again.first?.attempts == 1)
    }

    static func expiredLease(_ harness: any StoreHarness) async throws {
        let store = harness.store
        _ = try await seed(store, count: 1)
        let crashed = DeliveryLease(until: Fixture.time(30))
        let taken = try await store.leaseDueDeliveries(now: Fixture.time(0), lease: crashed, limit: 5)
        #expect(taken.count == 1)
        let successor = DeliveryLease(until: Fixture.time(90))
        let retaken = try await store.leaseDueDeliveries(now: Fixture.time(30), lease: successor, limit: 5)
        #expect(retaken.map(\.id) == taken.map(\.id))
        // The first dispatcher's late outcome no longer counts; the successor's does.
        #expect(try await store.recordDeliveryAttempt(DeliveryAttempt(next: .delivered, finishedAt: Fixture.time(31)), deliveryID: taken[0].id, lease: crashed) == false)
        #expect(try await store.recordDeliveryAttempt(DeliveryAttempt(next: .delivered, finishedAt: Fixture.time(32)), deliveryID: taken[0].id, lease: successor))
        #expect(try await store.nextDeliveryDue() == nil)
    }

    static func replayedDeadLetter(_ harness: any StoreHarness) async throws {
        let store = harness.store
        _ = try await seed(store, count: 1, hookActive: false)
        let lease = DeliveryLease(until: Fixture.time(30))
        let leased = try #require(try await store.leaseDueDeliveries(now: Fixture.time(0), lease: lease, limit: 5).first)
        #expect(leased.hookActive == false)
        #expect(try await store.recordDeliveryAttempt(DeliveryAttempt(next: .deadLetter, finishedAt: Fixture.time(1), error: "inactive"), deliveryID: leased.id, lease: lease))
        #expect(try await store.deadLetterCount() == 1)
        #expect(try await store.replayDeadLetter(id: leased.id, tenantID: "acme", at: Fixture.time(40)) != nil)
        #expect(try await store.deadLetterCount() == 0)
        let replayed = try await store.leaseDueDeliveries(now: Fixture.time(40), lease: DeliveryLease(until: Fixture.time(70)), limit: 5)
        #expect(replayed.map(\.id) == [leased.id])
        #expect(replayed.first?.attempts == 0)
    }
}
