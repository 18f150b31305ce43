import Foundation
import HandoffRailModels

/// One packet written by ``PacketStore/commit(_:idempotency:)`` together with what the
/// change must leave behind: history events, audit entries and outgoing events.
public struct PacketChange: Sendable {
    /// Whether the packet is new or replaces a stored revision.
    public enum Kind: Sendable, Hashable {
        case insert
        /// Succeeds only if the stored packet is still at this revision.
        case update(expectedRevision: Int64)
    }

    public var kind: Kind
    public var tenantID: String
    public var packet: Packet
    public var history: [PacketEvent]
    public var audit: [AuditEntry]
    public var events: [OutboundEvent]

    public init(kind: Kind, tenantID: String, packet: Packet, history: [PacketEvent] = [], audit: [AuditEntry] = [], events: [OutboundEvent] = []) {
        self.kind = kind
        self.tenantID = tenantID
        self.packet = packet
        self.history = history
        self.audit = audit
        self.events = events
    }
}

/// A packet as stored: the wire document and the revision used for conditional updates.
public struct StoredPacket: Sendable, Hashable {
    public var tenantID: String
    public var packet: Packet
    /// Starts at 1 and grows by one with every committed update.
    public var revision: Int64

    public init(tenantID: String, packet: Packet, revision: Int64) {
        self.tenantID = tenantID
        self.packet = packet
        self.revision = revision
    }
}

/// An event a state change emits: written to the outbox for live subscribers and fanned out
/// to the tenant's webhooks in the same transaction.
public struct OutboundEvent: Sendable, Hashable {
    public var id: UUID
    public var type: EventType
    public var packetID: UUID
    /// The event JSON as delivered: `{"type", "packet_id", "data", "timestamp"}`.
    public var payload: Event

    public init(id: UUID = UUID(), payload: Event) {
        self.id = id
        self.type = payload.type
        self.packetID = payload.packetId
        self.payload = payload
    }
}

/// A committed outbox row.
public struct OutboxEvent: Sendable, Hashable {
    /// Monotonic position in the outbox.
    public var sequence: Int64
    public var id: UUID
    public var tenantID: String
    public var event: Event

    public init(sequence: Int64, id: UUID, tenantID: String, event: Event) {
        self.sequence = sequence
        self.id = id
        self.tenantID = tenantID
        self.event = event
    }
}

/// The first answer to an idempotent request, replayed for retries with the same key.
public struct IdempotencyRecord: Sendable, Hashable {
    public var tenantID: String
    public var key: String
    /// SHA-256 (hex) of the operation id and canonical request body.
    public var requestHash: String
    public var statusCode: Int
    public var responseBody: Data
    public var createdAt: Date
    /// A stored record of the same key created before this instant has expired and is
    /// replaced; a younger one makes the commit fail with `.duplicate`. `nil`: never replace.
    public var replacesRecordsCreatedBefore: Date?

    public init(tenantID: String, key: String, requestHash: String, statusCode: Int, responseBody: Data, createdAt: Date, replacesRecordsCreatedBefore: Date? = nil) {
        self.tenantID = tenantID
        self.key = key
        self.requestHash = requestHash
        self.statusCode = statusCode
        self.responseBody = responseBody
        self.createdAt = createdAt
        self.replacesRecordsCreatedBefore = replacesRecordsCreatedBefore
    }
}
