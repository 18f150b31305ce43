import Foundation
import HandoffRailModels
import HandoffRailService
import HandoffRailStorage
import HandoffRailStorageSQLite
import Testing

@Suite("Outbox fan-out (service + SQLite)")
struct OutboxEventFanOutTests {
    /// Runs the fan-out of `bench`'s service while `body` runs, on a bus `body` subscribes to.
    private func withFanOut<Result: Sendable>(
        _ bench: PacketTestBench, pollInterval: Duration = .seconds(30),
        _ body: @escaping @Sendable (InProcessEventBus) async throws -> Result
    ) async throws -> Result {
        let bus = InProcessEventBus()
        let fanOut = OutboxEventFanOut(store: bench.store, bus: bus, signal: bench.service.commitSignal, pollInterval: pollInterval)
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask { await fanOut.run(); return nil }
            group.addTask { await bus.waitUntilLive(); return try await body(bus) }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let result { return result }
            }
            throw TestFailure("the fan-out ended first")
        }
    }

    @Test("committed lifecycle steps reach the tenant's subscriber in commit order, with outbox sequences")
    func lifecycle() async throws {
        let bench = try await PacketTestBench()
        // A long poll interval: delivery must come from the commit announcement.
        let events = try await withFanOut(bench) { bus in
            try await bus.withSubscription(EventSubscriptionRequest(tenantID: bench.tenantID, bufferLimit: 64)) { subscription in
                let packet = try await bench.create()
                _ = try await bench.claim(packet.id)
                _ = try await bench.update(packet.id, PacketUpdate(status: .inProgress))
                _ = try await bench.update(packet.id, PacketUpdate(status: .completed))
                return try await EventCollector.events(subscription, count: 4)
            }
        }
        #expect(events.map(\.event.type) == [.packetCreated, .packetClaimed, .packetInProgress, .packetCompleted])
        #expect(events.map(\.sequence) == events.map(\.sequence).sorted())
        #expect(Set(events.map(\.event.packetId)).count == 1)
        #expect(events.last?.event.data["status"] == "completed")
    }

    @Test("another tenant's subscriber never sees the events")
    func tenantIsolation() async throws {
        let bench = try await PacketTestBench()
        let otherTenant = "tenant-other-\(UUID().uuidString.prefix(8).lowercased())"
        try await bench.store.insertTenant(Tenant(id: otherTenant, name: otherTenant, tier: .business, createdAt: Date(), updatedAt: Date()))
        let other = APICaller(tenantID: otherTenant, keyID: "key-other", role: .admin, tier: .business)
        let (mine, theirs) = try await withFanOut(bench) { bus in
            try await bus.withSubscription(EventSubscriptionRequest(tenantID: bench.tenantID, bufferLimit: 64)) { mine in
                try await bus.withSubscription(EventSubscriptionRequest(tenantID: otherTenant, bufferLimit: 64)) { theirs in
                    try await bench.create(.sample(summary: "mine 1"))
                    _ = try await bench.service.createPacket(.init(body: .sample(summary: "theirs 1")), caller: other)
                    try await bench.create(.sample(summary: "mine 2"))
                    _ = try await bench.service.createPacket(.init(body: .sample(summary: "theirs 2")), caller: other)
                    return (try await EventCollector.events(mine, count: 2), try await EventCollector.events(theirs, count: 2))
                }
            }
        }
        #expect(mine.map { $0.event.data["summary"] } == ["mine 1", "mine 2"])
        #expect(mine.allSatisfy { $0.tenantID == bench.tenantID })
        #expect(theirs.map { $0.event.data["summary"] } == ["theirs 1", "theirs 2"])
        #expect(theirs.allSatisfy { $0.tenantID == otherTenant })
    }

    @Test("commits nobody announced are still published by the poll")
    func pollSafetyNet() async throws {
        let bench = try await PacketTestBench()
        // A second service on the same store with its own signal: its commits are not announced
        // to the fan-out, which watches the first service's signal.
        let unannounced = HandoffRailService(store: bench.store)
        let events = try await withFanOut(bench, pollInterval: .milliseconds(50)) { bus in
            try await bus.withSubscription(EventSubscriptionRequest(tenantID: bench.tenantID, bufferLimit: 64)) { subscription in
                _ = try await unannounced.createPacket(.init(body: .sample(summary: "quiet commit")), caller: bench.caller())
                return try await EventCollector.events(subscription, count: 1)
            }
        }
        #expect(events.first?.event.data["summary"] == "quiet commit")
    }

    @Test("replay returns the tenant's missed events after a sequence, bounded, oldest first")
    func replay() async throws {
        let bench = try await PacketTestBench()
        let otherTenant = "tenant-other-\(UUID().uuidString.prefix(8).lowercased())"
        try await bench.store.insertTenant(Tenant(id: otherTenant, name: otherTenant, tier: .business, createdAt: Date(), updatedAt: Date()))
        let other = APICaller(tenantID: otherTenant, keyID: "key-other", role: .admin, tier: .business)
        for index in 1...5 {
            try await bench.create(.sample(summary: "mine \(index)"))
            _ = try await bench.service.createPacket(.init(body: .sample(summary: "theirs \(index)")), caller: other)
        }
        let all = try await EventReplayPolicy().replay(from: bench.store, tenantID: bench.tenantID, after: 0, filter: EventChannelFilter(), now: Date())
        #expect(all.isComplete)
        #expect(all.events.map { $0.event.data["summary"] } == (1...5).map { .string("mine \($0)") })

        let afterSecond = try await EventReplayPolicy().replay(from: bench.store, tenantID: bench.tenantID, after: all.events[1].sequence, filter: EventChannelFilter(), now: Date())
        #expect(afterSecond.events.map(\.sequence) == all.events.dropFirst(2).map(\.sequence))
        #expect(afterSecond.lastSequence == all.events.last?.sequence)

        let bounded = try await EventReplayPolicy(maximumEvents: 2).replay(from: bench.store, tenantID: bench.tenantID, after: 0, filter: EventChannelFilter(), now: Date())
        #expect(!bounded.isComplete)
        #expect(bounded.events.map(\.sequence) == all.events.suffix(2).map(\.sequence))

        let tooOld = try await EventReplayPolicy(maximumAge: 60).replay(from: bench.store, tenantID: bench.tenantID, after: 0, filter: EventChannelFilter(), now: Date().addingTimeInterval(3600))
        #expect(tooOld.events.isEmpty)
        #expect(!tooOld.isComplete)
    }
}
