import Foundation
import HandoffRailModels
import HandoffRailStorage

/// Builders of valid rows for the conformance suite. Every date is a whole number of
/// microseconds, as the service clock produces them, so stored dates compare equal.
enum Fixture {
    /// A fixed "now" for the suite: 2026-05-28T20:26:40Z.
    static let now = Date(timeIntervalSince1970: 1_780_000_000)

    /// `now` moved by `seconds` (may be fractional), truncated to the microsecond.
    static func time(_ seconds: Double) -> Date {
        let micros = ((now.timeIntervalSince1970 + seconds) * 1_000_000).rounded(.down)
        return Date(timeIntervalSince1970: micros / 1_000_000)
    }

    static func packet(
        id: UUID = UUID(), status: PacketStatus = .created, source: String = "planner", sourceName: String = "Planner",
        target: String = "executor", targetName: String = "Executor", priority: Priority = .normal,
        tags: [String] = [], hitlRequired: Bool = false, summary: String = "Summarise the quarterly report",
        conversation: [String] = [], artifacts: [Artifact] = [], custom: [String: JSONValue] = [:],
        createdAt: Date = Fixture.now, updatedAt: Date? = nil, claimedAt: Date? = nil, completedAt: Date? = nil
    ) -> Packet {
        Packet(
            id: id, version: "1.0",
            metadata: Metadata(
                sourceAgent: AgentInfo(id: source, name: sourceName, framework: "langchain"),
                targetAgent: TargetAgentInfo(id: target, name: targetName), createdAt: createdAt, claimedAt: claimedAt,
                completedAt: completedAt, priority: priority, tags: tags),
            context: PacketContext(
                summary: summary,
                conversationState: conversation.map { ContextEntry(role: .user, content: $0, timestamp: createdAt) },
                artifacts: artifacts, custom: custom),
            decisions: [Decision(id: "d1", decision: "Use the Q3 numbers", rationale: "Latest audited", alternatives: ["Q2"])],
            actions: Actions(pending: [PendingAction(id: "a1", description: "Write it", assignee: target, priority: .high)]),
            dependencies: [],
            hitl: hitlRequired ? HitlCheckpoint(reason: "Needs a sign-off", question: "Approve?", options: ["yes", "no"]) : nil,
            status: status, createdAt: createdAt, updatedAt: updatedAt ?? createdAt)
    }

    static func historyEvent(_ type: String, of packet: Packet, actor: String = "agent:planner", at date: Date? = nil) -> PacketEvent {
        PacketEvent(
            id: UUID(), packetId: packet.id, eventType: type, actor: actor, details: ["status": .string(packet.status.rawValue)],
            timestamp: date ?? packet.updatedAt)
    }

    static func auditEntry(_ action: String, of packet: Packet, actor: String = "agent:planner", at date: Date? = nil) -> AuditEntry {
        AuditEntry(
            id: UUID(), packetId: packet.id, actor: actor, action: action,
            details: ["status": .string(packet.status.rawValue), "score": .number(2.0)], timestamp: date ?? packet.updatedAt)
    }

    static func event(_ type: EventType, of packet: Packet, at date: Date? = nil) -> OutboundEvent {
        OutboundEvent(payload: Event(
            type: type, packetId: packet.id,
            data: ["status": .string(packet.status.rawValue), "summary": .string(packet.context.summary)],
            timestamp: date ?? packet.updatedAt))
    }

    /// An insert with one `created` history event, audit entry and `packet.created` event.
    static func insert(_ packet: Packet, tenant: String) -> PacketChange {
        PacketChange(
            kind: .insert, tenantID: tenant, packet: packet, history: [historyEvent("created", of: packet)],
            audit: [auditEntry("created", of: packet)], events: [event(.packetCreated, of: packet)])
    }

    /// An update from `revision` with one history event, audit entry and event named after the status.
    static func update(_ packet: Packet, tenant: String, from revision: Int64, event type: EventType = .packetUpdated) -> PacketChange {
        PacketChange(
            kind: .update(expectedRevision: revision), tenantID: tenant, packet: packet,
            history: [historyEvent(packet.status.rawValue, of: packet)], audit: [auditEntry(packet.status.rawValue, of: packet)],
            events: [event(type, of: packet)])
    }

    static func tenant(_ id: String, name: String? = nil, tier: Tier = .pro, createdAt: Date = Fixture.now) -> Tenant {
        Tenant(id: id, name: name ?? "Tenant \(id)", tier: tier, handoffsPerDay: 1_000, maxApiKeys: 5, createdAt: createdAt, updatedAt: createdAt)
    }

    static func key(tenant: String, hash: String = UUID().uuidString.lowercased(), role: Role = .writer, createdAt: Date = Fixture.now) -> StoredAPIKey {
        StoredAPIKey(
            id: UUID(), tenantID: tenant, name: "key \(hash.prefix(4))", keyPrefix: "hr_" + String(hash.prefix(5)),
            keyHash: hash, role: role, createdAt: createdAt)
    }

    static func hook(tenant: String, events: [WebhookEventType] = [.packetCreated], active: Bool = true, createdAt: Date = Fixture.now) -> StoredWebhook {
        StoredWebhook(
            id: UUID(), tenantID: tenant, url: "https://hooks.example.com/\(UUID().uuidString.lowercased())", events: events,
            secret: "s3cret-s3cret-s3cret", active: active, createdAt: createdAt)
    }

    static func schema(tenant: String, name: String = "invoice", version: Int = 1, createdAt: Date = Fixture.now) -> RegisteredSchema {
        RegisteredSchema(
            id: UUID(), name: name, version: version,
            jsonSchema: ["type": .string("object"), "properties": .object(["amount": .object(["type": .string("number")])])],
            tenantId: tenant, createdAt: createdAt)
    }
}
