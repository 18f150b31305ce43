import Foundation
import HandoffRailModels

/// Packets, their history, the audit trail and the outbox.
public protocol PacketStore: Sendable {
    /// Commits packet inserts and updates, with their history events, audit entries and
    /// outgoing events, in one transaction.
    ///
    /// For every ``OutboundEvent`` the store writes one outbox row (live events) and one
    /// pending webhook delivery per active hook of the tenant subscribed to the event's type:
    /// the deliveries exist exactly when the change does.
    ///
    /// - Parameter idempotency: when given, saved in the same transaction; a second record
    ///   with the same tenant and key makes the whole commit fail with `.duplicate`.
    /// - Throws: `StoreError(.revisionConflict, subject: packetID)` when an update's packet is
    ///   no longer at `expectedRevision` (nothing is written); `.duplicate` for a clashing
    ///   packet id or idempotency key.
    /// - Returns: the stored packets, in the order of `changes`, with their new revisions.
    /// - Parameter creationLimit: when given, the inserts of `changes` are admitted only if
    ///   the tenant then has at most `maximum` packets created since `since`, counted inside
    ///   the same transaction (so concurrent creates cannot overshoot a daily quota);
    ///   otherwise `StoreError(.limitExceeded)` and nothing is written.
    @discardableResult
    func commit(_ changes: [PacketChange], idempotency: IdempotencyRecord?, creationLimit: CreationLimit?) async throws -> [StoredPacket]

    /// One packet of a tenant, or nil when it does not exist there.
    func packet(id: UUID, tenantID: String) async throws -> StoredPacket?

    /// The tenant's packets matching `query`, newest first (`created_at DESC, id DESC`).
    /// With a cursor, rows strictly after it are returned and `offset` is ignored.
    func packets(matching query: PacketQuery) async throws -> Page<Packet>

    /// Full-text search (stemmed) over summaries and context, best match first.
    func searchPackets(_ query: PacketSearchQuery) async throws -> Page<Packet>

    /// The packet's history, oldest first, in insertion order.
    func history(packetID: UUID, tenantID: String) async throws -> [PacketEvent]

    /// The tenant's audit entries, newest first.
    func auditEntries(matching query: AuditQuery) async throws -> Page<AuditEntry>

    /// A saved idempotent response, if one is younger than `notBefore`.
    func idempotencyRecord(tenantID: String, key: String, notBefore: Date) async throws -> IdempotencyRecord?

    /// Counts and averages over packets, for `/stats` (one tenant) and `/system/health`
    /// (`tenantID == nil`: all tenants).
    func packetStatistics(tenantID: String?, now: Date) async throws -> PacketStatistics

    /// How many packets the tenant created at or after `since` (the daily handoff quota).
    func packetsCreated(tenantID: String, since: Date) async throws -> Int

    /// The distinct agent ids (source or target) the tenant's packets name.
    func agentIDs(tenantID: String) async throws -> Set<String>

    /// Outbox events committed after `sequence`, oldest first (for the event fan-out).
    func outboxEvents(after sequence: Int64, limit: Int) async throws -> [OutboxEvent]
}

extension PacketStore {
    /// ``commit(_:idempotency:creationLimit:)`` without a creation limit.
    @discardableResult
    public func commit(_ changes: [PacketChange], idempotency: IdempotencyRecord?) async throws -> [StoredPacket] {
        try await commit(changes, idempotency: idempotency, creationLimit: nil)
    }
}

/// A cap on how many packets a tenant may have created since an instant (the daily quota).
public struct CreationLimit: Sendable, Hashable {
    public var tenantID: String
    public var since: Date
    public var maximum: Int

    public init(tenantID: String, since: Date, maximum: Int) {
        self.tenantID = tenantID
        self.since = since
        self.maximum = maximum
    }
}
