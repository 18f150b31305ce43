import Foundation
import HandoffRailModels
import HandoffRailService
import HandoffRailStorage
import HandoffRailStorageSQLite

/// A service on a fresh temporary SQLite database with one tenant and its callers, for the
/// packet operation tests.
struct PacketTestBench {
    let service: HandoffRailService
    let store: SQLiteStore
    let tenantID: String
    let tier: Tier

    init(tier: Tier = .business, configuration: ServiceConfiguration = ServiceConfiguration(), clock: ServiceClock = .system,
         metrics: ServiceMetrics = ServiceMetrics()) async throws {
        store = try SQLiteStore.temporary()
        tenantID = "tenant-\(UUID().uuidString.prefix(8).lowercased())"
        self.tier = tier
        let now = Date()
        try await store.insertTenant(Tenant(id: tenantID, name: tenantID, tier: tier, createdAt: now, updatedAt: now))
        service = HandoffRailService(store: store, configuration: configuration, clock: clock, metrics: metrics)
    }

    func caller(_ role: Role = .admin, tenantID: String? = nil) -> APICaller {
        APICaller(tenantID: tenantID ?? self.tenantID, keyID: "key-\(role.rawValue)", role: role, tier: tier)
    }

    /// Creates a packet and returns it.
    @discardableResult
    func create(_ create: PacketCreate = .sample(), idempotencyKey: String? = nil) async throws -> Packet {
        guard case .created(let packet) = try await service.createPacket(.init(idempotencyKey: idempotencyKey, body: create), caller: caller()) else {
            throw TestFailure("create did not answer 201")
        }
        return packet
    }

    func claim(_ id: UUID, agent: String = "billing-01") async throws -> Operations.ClaimPacket.Output {
        try await service.claimPacket(.init(packetId: id, body: ClaimRequest(agentId: agent, agentName: "Billing")), caller: caller(.agent))
    }

    func update(_ id: UUID, _ update: PacketUpdate) async throws -> Packet {
        guard case .ok(let packet) = try await service.updatePacket(.init(packetId: id, body: update), caller: caller(.agent)) else {
            throw TestFailure("update did not answer 200")
        }
        return packet
    }

    func history(_ id: UUID) async throws -> [String] {
        guard case .ok(let history) = try await service.getPacketHistory(.init(packetId: id), caller: caller(.reader)) else {
            throw TestFailure("history did not answer 200")
        }
        return history.events.map(\.eventType)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension PacketCreate {
    /// A small valid create request.
    static func sample(
        summary: String = "Customer asks for a refund of invoice INV-1042",
        source: String = "triage-01",
        target: String = "billing-01",
        priority: Priority = .normal,
        tags: [String] = ["billing"],
        hitl: HitlCheckpoint? = nil,
        conversation: [ContextEntry] = [ContextEntry(role: .user, content: "I was charged twice.")]
    ) -> PacketCreate {
        PacketCreate(
            metadata: Metadata(
                sourceAgent: AgentInfo(id: source, name: "Triage"),
                targetAgent: TargetAgentInfo(id: target, name: "Billing"),
                priority: priority,
                tags: tags
            ),
            context: PacketContext(summary: summary, conversationState: conversation),
            hitl: hitl
        )
    }
}

extension ServiceError {
    /// Runs `body` and returns the ServiceError it throws (nil when it does not throw one).
    static func thrown(by body: () async throws -> Void) async -> ServiceError? {
        do {
            try await body()
            return nil
        } catch let error as ServiceError {
            return error
        } catch {
            return nil
        }
    }
}
