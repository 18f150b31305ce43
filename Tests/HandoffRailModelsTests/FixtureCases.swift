import Foundation
import Testing
@testable import HandoffRailModels

/// A fixture and the generated type it decodes into, with the two ways to round-trip it:
/// through `HandoffRailJSON` (the wire path: exact, integers and doubles kept apart) and
/// through Foundation's coders (what an SDK consumer may use).
struct FixtureCase: Sendable, CustomTestStringConvertible {
    typealias Check = @Sendable (Data) throws -> (original: JSONValue, reencoded: JSONValue, stable: Bool)

    let fixture: String
    let wire: Check
    let foundation: Check

    init<T: Codable & Equatable & Sendable>(_ type: T.Type, _ fixture: String) {
        self.fixture = fixture
        self.wire = { data in
            let value = try HandoffRailJSON.decode(T.self, from: data, strictEnums: true)
            let encoded = try HandoffRailJSON.encode(value)
            let again = try HandoffRailJSON.decode(T.self, from: encoded, strictEnums: true)
            return (try JSONValue(parsing: data), try JSONValue(parsing: encoded), again == value)
        }
        self.foundation = { data in
            let decoder = JSONDecoder()
            decoder.userInfo[.handoffRailStrictEnums] = true
            let value = try decoder.decode(T.self, from: data)
            let encoded = try JSONEncoder().encode(value)
            return (try JSONValue(parsing: data), try JSONValue(parsing: encoded), try decoder.decode(T.self, from: encoded) == value)
        }
    }

    var testDescription: String { fixture }

    /// Every fixture of `Fixtures/`; a test fails when a file is missing here.
    static let all: [FixtureCase] = [
        FixtureCase(Packet.self, "packet_full"),
        FixtureCase(Packet.self, "packet_minimal"),
        FixtureCase(PacketCreate.self, "packet_create_request"),
        FixtureCase(PacketUpdate.self, "packet_update_request"),
        FixtureCase(PacketList.self, "packet_list"),
        FixtureCase(PacketHistory.self, "packet_history"),
        FixtureCase(Event.self, "event"),
        FixtureCase(AuditList.self, "audit_list"),
        FixtureCase(ApiKeyCreated.self, "api_key_created"),
        FixtureCase([ApiKey].self, "api_key_list"),
        FixtureCase(Tenant.self, "tenant"),
        FixtureCase(Webhook.self, "hook"),
        FixtureCase([WebhookDelivery].self, "hook_deliveries"),
        FixtureCase([WebhookDelivery].self, "dead_letters"),
        FixtureCase(RegisteredSchema.self, "schema"),
        FixtureCase(SchemaList.self, "schema_list"),
        FixtureCase(Stats.self, "stats"),
        FixtureCase(SystemHealth.self, "system_health"),
        FixtureCase(BatchCreateResult.self, "batch_create_result"),
        FixtureCase(BatchClaimResult.self, "batch_claim_result"),
        FixtureCase(HTTPValidationError.self, "validation_error"),
        FixtureCase(ClaimConflictError.self, "claim_conflict"),
        FixtureCase(ClaimRequest.self, "claim_request"),
        FixtureCase(RespondRequest.self, "respond_request"),
        FixtureCase(ChainRequest.self, "chain_request"),
        FixtureCase(BatchCreateRequest.self, "batch_create_request"),
        FixtureCase(BatchClaimRequest.self, "batch_claim_request"),
        FixtureCase(BatchCompleteRequest.self, "batch_complete_request"),
        FixtureCase(WebhookCreate.self, "hook_create_request"),
        FixtureCase(SchemaCreate.self, "schema_create_request"),
        FixtureCase(ApiKeyCreate.self, "api_key_create_request"),
        FixtureCase(TenantCreate.self, "tenant_create_request"),
        FixtureCase(TenantUpdate.self, "tenant_update_request"),
        FixtureCase(WebSocketClientMessage.self, "ws_subscribe"),
        FixtureCase(BatchCompleteResult.self, "batch_complete_result"),
        FixtureCase(DeadLetterReplayResult.self, "dead_letter_replay"),
        FixtureCase(RetryAllResult.self, "dead_letter_retry_all"),
        FixtureCase(HealthStatus.self, "health"),
        FixtureCase(ReadinessStatus.self, "readiness"),
        FixtureCase(ErrorDetail.self, "daily_limit_exceeded"),
        FixtureCase(RateLimitError.self, "rate_limited"),
        FixtureCase(PayloadTooLargeError.self, "payload_too_large"),
        FixtureCase(UnprocessableError.self, "schema_violation"),
        FixtureCase(UnprocessableError.self, "validation_error"),
        FixtureCase(HandoffRuleList.self, "rule_list"),
        FixtureCase(HandoffRuleCreate.self, "rule_create_request"),
        FixtureCase(HandoffRuleUpdate.self, "rule_update_request"),
        FixtureCase(ClaimConflictError.self, "claim_blocked_by_rule"),
    ]
}
