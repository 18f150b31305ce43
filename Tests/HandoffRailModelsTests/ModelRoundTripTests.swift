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

    @Test func requestBodies() throws {
        try Self.roundTrip(ClaimRequest.self, fixture: "claim_request")
        try Self.roundTrip(RespondRequest.self, fixture: "respond_request")
        try Self.roundTrip(ChainRequest.self, fixture: "chain_request")
        try Self.roundTrip(BatchCreateRequest.self, fixture: "batch_create_request")
        try Self.roundTrip(BatchClaimRequest.self, fixture: "batch_claim_request")
        try Self.roundTrip(BatchCompleteRequest.self, fixture: "batch_complete_request")
        try Self.roundTrip(WebhookCreate.self, fixture: "hook_create_request")
        try Self.roundTrip(SchemaCreate.self, fixture: "schema_create_request")
        try Self.roundTrip(ApiKeyCreate.self, fixture: "api_key_create_request")
        try Self.roundTrip(TenantCreate.self, fixture: "tenant_create_request")
        try Self.roundTrip(TenantUpdate.self, fixture: "tenant_update_request")
        try Self.roundTrip(WebSocketClientMessage.self, fixture: "ws_subscribe")
    }

    @Test func smallResponses() throws {
        try Self.roundTrip(BatchCompleteResult.self, fixture: "batch_complete_result")
        try Self.roundTrip(DeadLetterReplayResult.self, fixture: "dead_letter_replay")
        try Self.roundTrip(RetryAllResult.self, fixture: "dead_letter_retry_all")
        try Self.roundTrip(HealthStatus.self, fixture: "health")
        try Self.roundTrip(ReadinessStatus.self, fixture: "readiness")
        try Self.roundTrip(ErrorDetail.self, fixture: "daily_limit_exceeded")
        try Self.roundTrip(RateLimitError.self, fixture: "rate_limited")
        try Self.roundTrip(PayloadTooLargeError.self, fixture: "payload_too_large")
        try Self.roundTrip(UnprocessableError.self, fixture: "schema_violation")
        try Self.roundTrip(UnprocessableError.self, fixture: "validation_error")
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
