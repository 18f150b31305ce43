import Foundation
import HandoffRailModels

/// What the expiry sweeper asks of the database: packets to expire, and rows past their
/// retention windows to prune. Every query is indexed and bounded by a `limit`, so a sweep
/// over a large table reads only the rows it acts on.
///
/// The sweeper expires packets through ``PacketStore/commit(_:idempotency:creationLimit:)``
/// with the revision returned here, so a packet changed in between (or expired by another
/// instance) is a revision conflict and skipped.
public protocol ExpiryStore: Sendable {
    /// Non-terminal packets (`created`, `claimed`, `in_progress`, `awaiting_human`, `failed`)
    /// created before `query.createdBefore`, oldest first.
    func packetsPastTTL(_ query: TTLExpiryQuery) async throws -> [StoredPacket]

    /// `awaiting_human` packets whose `hitl.timeout_seconds` have elapsed at `now`, counted
    /// from when the packet last entered `awaiting_human` (its latest `awaiting_human` history
    /// step, else its creation) — the same instant `respond` measures from.
    func packetsPastHITLTimeout(now: Date, limit: Int) async throws -> [StoredPacket]

    /// Deletes up to `limit` outbox rows created before `date`; returns how many.
    func pruneOutbox(createdBefore date: Date, limit: Int) async throws -> Int

    /// Deletes up to `limit` idempotency records created before `date`; returns how many.
    func pruneIdempotencyRecords(createdBefore date: Date, limit: Int) async throws -> Int
}

/// Which packets a TTL sweep looks at.
public struct TTLExpiryQuery: Sendable, Hashable {
    /// The packets of whom.
    public enum Scope: Sendable, Hashable {
        /// One tenant (a tenant with its own TTL).
        case tenant(String)
        /// Every tenant except these (the default TTL, minus tenants with their own).
        case allTenants(except: Set<String>)
    }

    public var scope: Scope
    public var createdBefore: Date
    public var limit: Int

    public init(scope: Scope, createdBefore: Date, limit: Int) {
        self.scope = scope
        self.createdBefore = createdBefore
        self.limit = limit
    }
}
