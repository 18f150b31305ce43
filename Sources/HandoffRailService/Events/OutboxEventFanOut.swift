import Foundation
import HandoffRailStorage
import Logging

/// Tails the outbox by sequence and publishes each committed row to an ``InProcessEventBus``.
///
/// It starts at the newest row (earlier events are history: a reconnecting client gets them
/// through `Last-Event-ID` replay instead), reads in batches after each ``CommitSignal``
/// announcement, and polls every `pollInterval` as a safety net for commits nobody announced
/// (another process sharing the database, a future sweeper). Only committed rows are read, so
/// nothing is ever published that a rollback could take back.
///
/// The server runs it as a `Service` (`EventFanOutService`); ``run()`` returns when its task is
/// cancelled.
///
/// ```swift
/// let fanOut = OutboxEventFanOut(store: store, bus: bus, signal: service.commitSignal)
/// try await fanOut.run()
/// ```
public struct OutboxEventFanOut: Sendable {
    let store: any PacketStore & EventOutboxStore
    let bus: InProcessEventBus
    let signal: CommitSignal
    let pollInterval: Duration
    let batchSize: Int
    /// Reads of the outbox are at least this far apart: under load one read picks up a burst
    /// of commits instead of one read per commit (see ``PassPacer``).
    let minimumPassGap: Duration = .milliseconds(5)
    let logger: Logger

    public init(
        store: any PacketStore & EventOutboxStore,
        bus: InProcessEventBus,
        signal: CommitSignal,
        pollInterval: Duration = .seconds(1),
        batchSize: Int = 500,
        logger: Logger = Logger(label: "handoffrail.events")
    ) {
        self.store = store
        self.bus = bus
        self.signal = signal
        self.pollInterval = pollInterval
        self.batchSize = max(batchSize, 1)
        self.logger = logger
    }

    /// Publishes committed events until cancelled; a failing read is logged and retried at
    /// the next wake-up.
    public func run() async {
        var position: Int64?
        var pacer = PassPacer(minimumGap: minimumPassGap)
        while !Task.isCancelled {
            let seen = signal.generation
            pacer.passStarted()
            do {
                if let current = position {
                    position = try await publishCommitted(after: current)
                } else {
                    position = try await store.latestOutboxSequence()
                    bus.markLive()
                }
            } catch {
                logger.warning("Reading the outbox failed; retrying", metadata: ["error": "\(String(describing: error))"])
            }
            if position == nil {
                // Not started yet (the database did not answer): retry after a poll interval.
                try? await Task.sleep(for: pollInterval)
            } else {
                await waitForCommit(past: seen)
                await pacer.waitForGap()
            }
        }
    }

    /// Publishes every row after `position`, batch by batch; returns the new position.
    func publishCommitted(after position: Int64) async throws -> Int64 {
        var position = position
        while true {
            let batch = try await store.outboxEvents(after: position, limit: batchSize)
            bus.publish(batch)
            position = batch.last?.sequence ?? position
            if batch.count < batchSize { return position }
        }
    }

    /// Returns on the next announcement after `seen`, after `pollInterval`, or on cancellation.
    private func waitForCommit(past seen: UInt64) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [signal] in await signal.wait(past: seen) }
            group.addTask { [pollInterval] in try? await Task.sleep(for: pollInterval) }
            await group.next()
            group.cancelAll()
        }
    }
}
