import Foundation
import Testing
@testable import HandoffRailModels

/// Every fixture decodes into its generated type and encodes back to the same JSON.
@Suite("Model round trips")
struct ModelRoundTripTests {
    /// Decodes, re-encodes and compares as JSON values.
    static func roundTrip<T: Codable & Equatable>(_ type: T.Type, fixture: String) throws {
        let original = try FixtureLoader.json(fixture)
        let decoder = JSONDecoder()
        decoder.userInfo[.handoffRailStrictEnums] = true
        let value = try decoder.decode(T.self, from: FixtureLoader.data(fixture))
        let encoded = try JSONEncoder().encode(value)
        let reencoded = try JSONValue(parsing: encoded)
        let difference = reencoded.normalizedForComparison.firstDifference(from: original.normalizedForComparison)
        #expect(difference == nil, "\(fixture) did not round-trip: \(difference ?? "")")
        #expect(try decoder.decode(T.self, from: encoded) == value)
    }

    @Test func packets() throws {
        try Self.roundTrip(Packet.self, fixture: "packet_full")
        try Self.roundTrip(Packet.self, fixture: "packet_minimal")
        try Self.roundTrip(PacketCreate.self, fixture: "packet_create_request")
        try Self.roundTrip(PacketUpdate.self, fixture: "packet_update_request")
        try Self.roundTrip(PacketList.self, fixture: "packet_list")
        try Self.roundTrip(PacketHistory.self, fixture: "packet_history")
        try Self.roundTrip(Event.self, fixture: "event")
    }

    @Test func administration() throws {
        try Self.roundTrip(AuditList.self, fixture: "audit_list")
        try Self.roundTrip(ApiKeyCreated.self, fixture: "api_key_created")
        try Self.roundTrip([ApiKey].self, fixture: "api_key_list")
        try Self.roundTrip(Tenant.self, fixture: "tenant")
        try Self.roundTrip(Webhook.self, fixture: "hook")
        try Self.roundTrip([WebhookDelivery].self, fixture: "hook_deliveries")
        try Self.roundTrip([WebhookDelivery].self, fixture: "dead_letters")
        try Self.roundTrip(RegisteredSchema.self, fixture: "schema")
        try Self.roundTrip(SchemaList.self, fixture: "schema_list")
        try Self.roundTrip(Stats.self, fixture: "stats")
        try Self.roundTrip(SystemHealth.self, fixture: "system_health")
    }

    @Test func batchesAndErrors() throws {
        try Self.roundTrip(BatchCreateResult.self, fixture: "batch_create_result")
        try Self.roundTrip(BatchClaimResult.self, fixture: "batch_claim_result")
        try Self.roundTrip(HTTPValidationError.self, fixture: "validation_error")
        try Self.roundTrip(ClaimConflictError.self, fixture: "claim_conflict")
    }

    @Test("a full packet exposes its sections as typed values")
    func typedAccess() throws {
        let packet = try JSONDecoder().decode(Packet.self, from: FixtureLoader.data("packet_full"))
        #expect(packet.context.conversationState.contains { $0.role == .human })
        #expect(packet.context.artifacts.contains { if case .string = $0.value { true } else { false } })
        #expect(packet.context.artifacts.contains { if case .object = $0.value { true } else { false } })
        #expect(packet.context.artifacts.contains { if case .array = $0.value { true } else { false } })
        #expect(packet.parentPacketId != nil)
        let encoded = String(decoding: try JSONEncoder().encode(packet), as: UTF8.self)
        #expect(encoded.contains(packet.id.uuidString.lowercased()), "UUIDs are written lowercase")
    }
}
