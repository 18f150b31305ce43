import Foundation
import HandoffRailModels
import HandoffRailStorage
import Logging

/// Expires packets past their TTL and `awaiting_human` packets past their HITL timeout, and
/// prunes outbox rows and idempotency records past their windows — on a schedule.
///
/// Safe on several instances at once: every expiry is a revision-checked commit, so when two
/// sweepers pick the same packet one commits and the other's conflict is skipped. Cheap on
/// large tables: each query reads, through a partial index, only candidate rows, in batches.
///
/// ```swift
/// let sweeper = ExpirySweeper(service: service, configuration: configuration)
/// let report = try await sweeper.sweep()     // tests: one pass at the service clock's "now"
/// await sweeper.run(until: stop)             // the server: every `interval` seconds
/// ```
package struct ExpirySweeper: Sendable {
    package let service: HandoffRailService
    package let configuration: ExpirySweeperConfiguration
    let logger: Logger

    package init(service: HandoffRailService, configuration: ExpirySweeperConfiguration, logger: Logger = Logger(label: "handoffrail.sweeper")) {
        self.service = service
        self.configuration = configuration
        self.logger = logger
    }

    /// What one sweep did.
    package struct Report: Sendable, Hashable {
        package var expiredByTTL = 0
        package var expiredByHITLTimeout = 0
        /// Candidates changed by someone else in between (skipped).
        package var skipped = 0
        package var prunedOutboxRows = 0
        package var prunedIdempotencyRecords = 0
    }

    /// One sweep at the service clock's now.
    package func sweep() async throws -> Report {
        let now = service.clock.now()
        let store = service.store
        var report = Report()
        let batch = max(configuration.batchSize, 1)

        try await expireInBatches(reason: .hitlTimeout, report: &report) {
            try await store.packetsPastHITLTimeout(now: now, limit: batch)
        }
        for (tenantID, ttl) in configuration.tenantPacketTTL.sorted(by: { $0.key < $1.key }) where ttl > 0 {
            let query = TTLExpiryQuery(scope: .tenant(tenantID), createdBefore: now.addingTimeInterval(-ttl), limit: batch)
            try await expireInBatches(reason: .ttl, report: &report) { try await store.packetsPastTTL(query) }
        }
        if let ttl = configuration.defaultPacketTTL, ttl > 0 {
            let excluded = Set(configuration.tenantPacketTTL.keys)
            let query = TTLExpiryQuery(scope: .allTenants(except: excluded), createdBefore: now.addingTimeInterval(-ttl), limit: batch)
            try await expireInBatches(reason: .ttl, report: &report) { try await store.packetsPastTTL(query) }
        }

        report.prunedOutboxRows = try await pruneInBatches {
            try await store.pruneOutbox(createdBefore: now.addingTimeInterval(-configuration.outboxRetention), limit: batch)
        }
        report.prunedIdempotencyRecords = try await pruneInBatches {
            try await store.pruneIdempotencyRecords(createdBefore: now.addingTimeInterval(-service.configuration.idempotencyWindow), limit: batch)
        }
        return report
    }

    /// Expires what `candidates` returns, batch after batch, until a batch is short, nothing
    /// in it could be expired (all raced), or the per-sweep cap is reached.
    private func expireInBatches(
        reason: PacketExpiryReason, report: inout Report, candidates: () async throws -> [StoredPacket]
    ) async throws {
        for _ in 0..<max(configuration.maximumBatchesPerSweep, 1) {
            let packets = try await candidates()
            var expired = 0
            for stored in packets {
                if try await service.expire(stored, reason: reason, now: service.clock.now()) {
                    expired += 1
                    logger.info("Packet expired", metadata: [
                        "packet_id": "\(stored.packet.id)", "tenant_id": "\(stored.tenantID)", "reason": "\(reason.rawValue)",
                    ])
                } else {
                    report.skipped += 1
                }
            }
            switch reason {
            case .ttl: report.expiredByTTL += expired
            case .hitlTimeout: report.expiredByHITLTimeout += expired
            }
            if packets.count < configuration.batchSize || expired == 0 { return }
        }
    }

    private func pruneInBatches(_ prune: () async throws -> Int) async throws -> Int {
        var total = 0
        for _ in 0..<max(configuration.maximumBatchesPerSweep, 1) {
            let pruned = try await prune()
            total += pruned
            if pruned < configuration.batchSize { break }
        }
        return total
    }

    /// Sweeps now and then every `interval` seconds until `stop` is signalled; a failed sweep
    /// is logged and retried at the next interval.
    package func run(until stop: StopSignal) async {
        let interval = Duration.milliseconds(Int64((configuration.interval * 1_000).rounded()))
        while !stop.isStopped, !Task.isCancelled {
            do {
                let report = try await sweep()
                if report != Report() {
                    logger.debug("Sweep finished", metadata: [
                        "expired_ttl": "\(report.expiredByTTL)", "expired_hitl": "\(report.expiredByHITLTimeout)",
                        "skipped": "\(report.skipped)", "pruned_outbox": "\(report.prunedOutboxRows)",
                        "pruned_idempotency": "\(report.prunedIdempotencyRecords)",
                    ])
                }
            } catch {
                logger.error("Expiry sweep failed", metadata: ["error": "\(error)"])
            }
            await stop.wait(upTo: interval)
        }
    }
}
