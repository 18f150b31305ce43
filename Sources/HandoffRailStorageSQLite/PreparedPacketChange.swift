import Foundation
import HandoffRailModels
import HandoffRailStorage

/// A ``PacketChange`` with every column value computed and every JSON encoded, ready to be
/// bound. Preparing happens before the write transaction, on the caller's task, so the single
/// writer connection only runs statements.
struct PreparedPacketChange: Sendable {
    var kind: PacketChange.Kind
    var packet: Packet
    var row: PacketRow
    var history: [HistoryValues]
    var audit: [AuditValues]
    var events: [EventValues]

    init(_ change: PacketChange) throws {
        kind = change.kind
        packet = change.packet
        row = try PacketRow(tenantID: change.tenantID, packet: change.packet)
        history = try change.history.map(HistoryValues.init)
        audit = try change.audit.map(AuditValues.init)
        events = try change.events.map(EventValues.init)
    }

    /// A `packet_history` row.
    struct HistoryValues: Sendable {
        var id: String
        var packetID: String
        var eventType: String
        var actor: String
        var details: String?
        var timestamp: Int64

        init(_ event: PacketEvent) throws {
            id = event.id.databaseText
            packetID = event.packetId.databaseText
            eventType = event.eventType
            actor = event.actor
            details = try event.details.map(databaseJSON)
            timestamp = event.timestamp.databaseMicroseconds
        }
    }

    /// An `audit_log` row.
    struct AuditValues: Sendable {
        var id: String
        var packetID: String
        var actor: String
        var action: String
        var resource: String
        var details: String
        var timestamp: Int64

        init(_ entry: AuditEntry) throws {
            id = entry.id.databaseText
            packetID = entry.packetId.databaseText
            actor = entry.actor
            action = entry.action
            resource = entry.resource
            details = try databaseJSON(entry.details)
            timestamp = entry.timestamp.databaseMicroseconds
        }
    }

    /// An outbox row, and the payload every subscribed hook's delivery carries.
    struct EventValues: Sendable {
        var id: String
        var type: String
        var packetID: String
        var payload: String
        var timestamp: Int64

        init(_ event: OutboundEvent) throws {
            id = event.id.databaseText
            type = event.type.rawValue
            packetID = event.packetID.databaseText
            payload = try databaseJSON(event.payload)
            timestamp = event.payload.timestamp.databaseMicroseconds
        }
    }
}
