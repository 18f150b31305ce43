import Foundation
import HandoffRailModels
import HandoffRailStorage

/// Collects what one state change of one packet leaves behind — history events, audit entries
/// and outgoing events — so the store can commit them with the packet in one transaction.
///
/// ```swift
/// var recorder = PacketChangeRecorder(updating: stored, to: packet, now: now)
/// recorder.record(.claimed, actor: "agent:billing-01", details: ["agent_id": "billing-01"])
/// try await store.commit([recorder.change], idempotency: nil)
/// ```
struct PacketChangeRecorder {
    /// History event types (also the audit `action`), as the reference names them.
    enum Step: String {
        case created, claimed, updated, chained, expired, failed, completed
        case inProgress = "in_progress"
        case awaitingHuman = "awaiting_human"
        case hitlResponded = "hitl_responded"
        /// A `force_transfer` handoff rule re-routed the packet as it was created.
        case ruleForcedTransfer = "rule_forced_transfer"

        /// The step recorded when a packet enters `status` through an update: the step named
        /// like the status (`in_progress` …), `updated` for a status this build does not know.
        init(entering status: PacketStatus) {
            self = Step(rawValue: status.rawValue) ?? .updated
        }
    }

    private(set) var change: PacketChange
    let now: Date

    /// A new packet.
    init(inserting packet: Packet, tenantID: String, now: Date) {
        self.change = PacketChange(kind: .insert, tenantID: tenantID, packet: packet)
        self.now = now
    }

    /// A new revision of a stored packet; the commit succeeds only if nobody changed it since.
    init(updating stored: StoredPacket, to packet: Packet, now: Date) {
        self.change = PacketChange(kind: .update(expectedRevision: stored.revision), tenantID: stored.tenantID, packet: packet)
        self.now = now
    }

    /// Records one step: a history event, the audit entry with the same action, and the live
    /// event `event` (or none).
    mutating func record(_ step: Step, actor: String, details: [String: JSONValue] = [:], event: EventType?) {
        let packet = change.packet
        change.history.append(PacketEvent(id: UUID(), packetId: packet.id, eventType: step.rawValue, actor: actor, details: details.isEmpty ? nil : details, timestamp: now))
        change.audit.append(AuditEntry(id: UUID(), packetId: packet.id, actor: actor, action: step.rawValue, resource: "packet", details: details, timestamp: now))
        if let event {
            emit(event, details: details)
        }
    }

    /// Adds a live event without a history step (e.g. `hitl.response_ready`).
    mutating func emit(_ event: EventType, details: [String: JSONValue] = [:]) {
        let packet = change.packet
        var data: [String: JSONValue] = [
            "status": .string(packet.status.rawValue),
            "source_agent_id": .string(packet.metadata.sourceAgent.id),
            "target_agent_id": .string(packet.metadata.targetAgent.id),
            "priority": .string(packet.metadata.priority.rawValue),
            "summary": .string(packet.context.summary),
        ]
        for (key, value) in details where data[key] == nil { data[key] = value }
        change.events.append(OutboundEvent(payload: Event(type: event, packetId: packet.id, data: data, timestamp: now)))
    }
}
