import Foundation

/// Settings of the expiry sweeper (`handoffrail serve` reads them from the environment, see
/// `ServeConfiguration`).
///
/// Packet TTL is **off by default**: a packet never expires of age unless the operator sets
/// a TTL (a default, and/or per tenant). HITL timeouts need no setting — a packet carries its
/// own `hitl.timeout_seconds`.
///
/// ```swift
/// var configuration = ExpirySweeperConfiguration()
/// configuration.defaultPacketTTL = 7 * 86_400          // a week, every tenant …
/// configuration.tenantPacketTTL = ["acme": 86_400,     // … but a day for acme
///                                  "archive": 0]       // … and never for archive
/// ```
public struct ExpirySweeperConfiguration: Sendable, Hashable {
    /// Seconds between two sweeps.
    public var interval: TimeInterval
    /// Age (since creation) after which a non-terminal packet expires; nil: no TTL.
    public var defaultPacketTTL: TimeInterval?
    /// Per-tenant TTLs replacing the default; 0 means the tenant's packets never expire of age.
    public var tenantPacketTTL: [String: TimeInterval]
    /// Outbox rows (the live-event replay window) older than this are deleted.
    public var outboxRetention: TimeInterval
    /// Rows read, and written, per query.
    public var batchSize: Int
    /// Batches of one kind per sweep at most, so one sweep stays short; the rest waits for
    /// the next sweep.
    public var maximumBatchesPerSweep: Int

    public init(
        interval: TimeInterval = 30,
        defaultPacketTTL: TimeInterval? = nil,
        tenantPacketTTL: [String: TimeInterval] = [:],
        outboxRetention: TimeInterval = 7 * 86_400,
        batchSize: Int = 200,
        maximumBatchesPerSweep: Int = 50
    ) {
        self.interval = interval
        self.defaultPacketTTL = defaultPacketTTL
        self.tenantPacketTTL = tenantPacketTTL
        self.outboxRetention = outboxRetention
        self.batchSize = batchSize
        self.maximumBatchesPerSweep = maximumBatchesPerSweep
    }
}
