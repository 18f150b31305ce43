import Foundation
import HandoffRailModels
@testable import HandoffRailService
import HandoffRailStorage
import Testing

@Suite("Expiry sweeper")
struct ExpirySweeperTests {
    /// A bench whose clock the test moves, and a hook of its tenant subscribed to `packet.expired`.
    static func bench(_ offset: TimeOffset) async throws -> (PacketTestBench, StoredWebhook) {
        // The clock moves only when a test moves `offset`: on a loaded machine seconds of real
        // time can pass between two steps, which must not count as time passing.
        let start = Date()
        let bench = try await PacketTestBench(clock: ServiceClock { start.addingTimeInterval(offset.seconds) })
        let hook = StoredWebhook(
            id: UUID(), tenantID: bench.tenantID, url: "https://hooks.example.com/in", events: [.packetExpired],
            secret: "whsec-0123456789abcdef", createdAt: Date())
        #expect(try await bench.store.insertHook(hook, maximumActiveHooks: nil))
        return (bench, hook)
    }

    @Test("an awaiting_human packet past hitl.timeout_seconds expires with history, audit, event and webhook; respond is 410")
    func hitlTimeout() async throws {
        let offset = TimeOffset()
        let (bench, hook) = try await Self.bench(offset)
        let short = try await bench.create(.sample(hitl: HitlCheckpoint(reason: "Approve", timeoutSeconds: 60)))
        let long = try await bench.create(.sample(hitl: HitlCheckpoint(reason: "Approve", timeoutSeconds: 600)))
        let untimed = try await bench.create(.sample(hitl: HitlCheckpoint(reason: "Approve")))
        let sweeper = ExpirySweeper(service: bench.service, configuration: ExpirySweeperConfiguration())

        #expect(try await sweeper.sweep().expiredByHITLTimeout == 0)
        offset.seconds = 61
        let report = try await sweeper.sweep()
        #expect(report.expiredByHITLTimeout == 1)
        #expect(report.expiredByTTL == 0)

        let expired = try #require(try await bench.store.packet(id: short.id, tenantID: bench.tenantID))
        #expect(expired.packet.status == .expired)
        for id in [long.id, untimed.id] {
            #expect(try await bench.store.packet(id: id, tenantID: bench.tenantID)?.packet.status == .awaitingHuman)
        }
        let history = try await bench.store.history(packetID: short.id, tenantID: bench.tenantID)
        let step = try #require(history.last)
        #expect(step.eventType == "expired")
        #expect(step.actor == "system:sweeper")
        #expect(step.details?["reason"] == .string("hitl_timeout"))
        #expect(step.details?["from"] == .string("awaiting_human"))
        let audit = try await bench.store.auditEntries(matching: AuditQuery(tenantID: bench.tenantID, packetID: short.id, limit: 10, offset: 0))
        #expect(audit.rows.first?.action == "expired")

        let outbox = try await bench.store.outboxEvents(after: 0, limit: 100)
        let event = try #require(outbox.last)
        #expect(event.event.type == .packetExpired)
        #expect(event.event.packetId == short.id)
        #expect(event.event.data["reason"] == .string("hitl_timeout"))
        let deliveries = try await bench.store.deliveries(hookID: hook.id, tenantID: bench.tenantID, status: nil, limit: 10, offset: 0)
        #expect(deliveries.rows.map(\.eventType) == [.packetExpired])
        #expect(deliveries.rows.first?.packetId == short.id)

        let error = await ServiceError.thrown {
            _ = try await bench.service.respondToPacket(.init(packetId: short.id, body: RespondRequest(response: "yes", respondedBy: "alice")), caller: bench.caller(.agent))
        }
        #expect(error?.statusCode == 410)
        #expect(try await sweeper.sweep().expiredByHITLTimeout == 0)
    }

    @Test("the timeout counts from the latest entry into awaiting_human, as respond does")
    func hitlTimeoutFromReentry() async throws {
        let offset = TimeOffset()
        let (bench, _) = try await Self.bench(offset)
        let packet = try await bench.create()
        offset.seconds = 100
        _ = try await bench.update(packet.id, PacketUpdate(status: .awaitingHuman, hitl: .value(HitlCheckpoint(reason: "Check", timeoutSeconds: 60))))
        let sweeper = ExpirySweeper(service: bench.service, configuration: ExpirySweeperConfiguration())
        offset.seconds = 159
        #expect(try await sweeper.sweep().expiredByHITLTimeout == 0)
        offset.seconds = 161
        #expect(try await sweeper.sweep().expiredByHITLTimeout == 1)
    }

    @Test("TTL: live packets older than the default expire; terminal ones and younger ones stay")
    func defaultTTL() async throws {
        let offset = TimeOffset()
        let (bench, hook) = try await Self.bench(offset)
        let fresh = try await bench.create()
        let claimed = try await bench.create()
        _ = try await bench.claim(claimed.id)
        let done = try await bench.create()
        _ = try await bench.claim(done.id)
        _ = try await bench.update(done.id, PacketUpdate(status: .completed))
        offset.seconds = 7_200
        let young = try await bench.create()

        let configuration = ExpirySweeperConfiguration(defaultPacketTTL: 3_600)
        let report = try await ExpirySweeper(service: bench.service, configuration: configuration).sweep()
        #expect(report.expiredByTTL == 2)
        let statuses = try await [fresh, claimed, done, young].asyncMap { try await bench.store.packet(id: $0.id, tenantID: bench.tenantID)?.packet.status }
        #expect(statuses == [.expired, .expired, .completed, .created])
        let ttlStep = try await bench.store.history(packetID: claimed.id, tenantID: bench.tenantID).last
        #expect(ttlStep?.details?["reason"] == .string("ttl"))
        #expect(ttlStep?.details?["from"] == .string("claimed"))
        let deliveries = try await bench.store.deliveries(hookID: hook.id, tenantID: bench.tenantID, status: nil, limit: 10, offset: 0)
        #expect(Set(deliveries.rows.compactMap(\.packetId)) == [fresh.id, claimed.id])
    }

    @Test("TTL: a tenant's own TTL replaces the default; 0 means never")
    func tenantTTL() async throws {
        let offset = TimeOffset()
        let (bench, _) = try await Self.bench(offset)
        let packet = try await bench.create()
        offset.seconds = 7_200
        let never = ExpirySweeperConfiguration(defaultPacketTTL: 3_600, tenantPacketTTL: [bench.tenantID: 0])
        #expect(try await ExpirySweeper(service: bench.service, configuration: never).sweep().expiredByTTL == 0)
        let longer = ExpirySweeperConfiguration(defaultPacketTTL: 3_600, tenantPacketTTL: [bench.tenantID: 10_800])
        #expect(try await ExpirySweeper(service: bench.service, configuration: longer).sweep().expiredByTTL == 0)
        let shorter = ExpirySweeperConfiguration(tenantPacketTTL: [bench.tenantID: 60])
        #expect(try await ExpirySweeper(service: bench.service, configuration: shorter).sweep().expiredByTTL == 1)
        #expect(try await bench.store.packet(id: packet.id, tenantID: bench.tenantID)?.packet.status == .expired)
    }

    @Test("two sweepers at once expire every packet exactly once; batches cover more than one batch")
    func concurrentSweepers() async throws {
        let offset = TimeOffset()
        let (bench, _) = try await Self.bench(offset)
        var ids: [UUID] = []
        for index in 0..<25 { ids.append(try await bench.create(.sample(summary: "Packet \(index)")).id) }
        offset.seconds = 7_200
        let configuration = ExpirySweeperConfiguration(defaultPacketTTL: 3_600, batchSize: 4)
        let first = ExpirySweeper(service: bench.service, configuration: configuration)
        let second = ExpirySweeper(service: bench.service, configuration: configuration)
        async let one = first.sweep()
        async let two = second.sweep()
        let reports = try await [one, two]
        #expect(reports.map(\.expiredByTTL).reduce(0, +) == 25)
        for id in ids {
            let history = try await bench.store.history(packetID: id, tenantID: bench.tenantID)
            #expect(history.filter { $0.eventType == "expired" }.count == 1)
        }
    }

    @Test("old idempotency records and outbox rows are pruned")
    func pruning() async throws {
        let offset = TimeOffset()
        let (bench, _) = try await Self.bench(offset)
        _ = try await bench.create(idempotencyKey: "create-once")
        let configuration = ExpirySweeperConfiguration(outboxRetention: 3_600)
        #expect(try await ExpirySweeper(service: bench.service, configuration: configuration).sweep().prunedOutboxRows == 0)
        offset.seconds = 2 * 86_400
        let report = try await ExpirySweeper(service: bench.service, configuration: configuration).sweep()
        #expect(report.prunedOutboxRows == 1)
        #expect(report.prunedIdempotencyRecords == 1)
        #expect(try await bench.store.outboxEvents(after: 0, limit: 10).isEmpty)
    }
}

extension Array {
    /// `map` with an async transform, in order.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
