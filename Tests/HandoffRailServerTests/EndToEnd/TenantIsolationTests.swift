import Foundation
import HandoffRailModels
import HandoffRailService
import HTTPTypes
import Testing

/// Every endpoint, called by another tenant with the first tenant's ids: 404 or 403, never
/// the first tenant's data.
@Suite("Tenant isolation over HTTP")
struct TenantIsolationTests {
    @Test("another tenant's ids are 404/403 everywhere and its lists are empty")
    func sweep() async throws {
        try await LiveServer.run(service: ServiceConfiguration(allowPrivateWebhookTargets: true)) { server in
            // Tenant A (the operator tenant) owns one of everything.
            let packet = try await server.createPacket(LiveServer.samplePacket(hitl: ["required": true, "reason": "approve"]))
            let packetID = try #require(packet["id"]?.stringValue)
            let hook = try await server.request(.post, "/api/v1/hooks", json: ["url": "http://127.0.0.1:9/hook", "events": ["packet.created"], "secret": "0123456789abcdef0123"])
            #expect(hook.status == 201)
            let hookID = try #require(hook.json?["id"]?.stringValue)
            let schema = try await server.request(.post, "/api/v1/schemas", json: ["name": "order", "json_schema": ["type": "object"], "version": 1])
            #expect(schema.status == 201)
            let schemaID = try #require(schema.json?["id"]?.stringValue)
            let keys = try await server.request(.get, "/api/v1/keys")
            let keyID = try #require(keys.json?.arrayValue?.first?["id"]?.stringValue ?? keys.json?["keys"]?[0]?["id"]?.stringValue)

            // Tenant B: its own admin.
            let tenantB = try await server.makeTenant()
            let b = tenantB.adminKey
            let claimBody: JSONValue = ["agent_id": "intruder", "agent_name": "Intruder"]
            let notFound: [(HTTPRequest.Method, String, JSONValue?)] = [
                (.get, "/api/v1/packets/\(packetID)", nil),
                (.patch, "/api/v1/packets/\(packetID)", ["status": "failed"]),
                (.delete, "/api/v1/packets/\(packetID)", nil),
                (.post, "/api/v1/packets/\(packetID)/claim", claimBody),
                (.post, "/api/v1/packets/\(packetID)/respond", ["response": "yes", "responded_by": "mallory"]),
                (.get, "/api/v1/packets/\(packetID)/history", nil),
                (.post, "/api/v1/packets/\(packetID)/chain", LiveServer.samplePacket()),
                (.get, "/api/v1/schemas/\(schemaID)", nil),
                (.delete, "/api/v1/hooks/\(hookID)", nil),
                (.get, "/api/v1/hooks/\(hookID)/deliveries", nil),
                (.delete, "/api/v1/keys/\(keyID)", nil),
                (.post, "/api/v1/keys/\(keyID)/rotate", nil),
                (.post, "/api/v1/hooks/dlq/\(UUID().uuidString.lowercased())/replay", nil),
            ]
            for (method, path, body) in notFound {
                let response = try await server.request(method, path, key: b, json: body)
                #expect(response.status == 404, "\(method) \(path): \(response.status) \(response.text)")
                #expect(!response.text.contains("refund"), "\(path) leaked data")
            }
            for (method, path) in [(HTTPRequest.Method.get, "/api/v1/tenants"), (.get, "/api/v1/tenants/default"), (.get, "/api/v1/tenants/default/keys"), (.delete, "/api/v1/tenants/default"), (.patch, "/api/v1/tenants/default")] {
                let response = try await server.request(method, path, key: b, json: method == .patch ? ["tier": "free"] : nil)
                #expect(response.status == 403, "\(method) \(path): \(response.status)")
            }
            let foreignKey = try await server.request(.post, "/api/v1/keys", key: b, json: ["name": "sneaky", "tenant_id": "default", "role": "admin"])
            #expect([403, 404].contains(foreignKey.status))

            let batchClaim = try await server.request(.post, "/api/v1/packets/batch/claim", key: b, json: ["packet_ids": [.string(packetID)], "agent_id": "x", "agent_name": "X"])
            #expect(batchClaim.json?["claimed"]?.arrayValue?.isEmpty == true)
            let batchComplete = try await server.request(.post, "/api/v1/packets/batch/complete", key: b, json: ["packet_ids": [.string(packetID)]])
            #expect(batchComplete.json?["completed"]?.arrayValue?.isEmpty == true)
            let withSchema = try await server.request(.post, "/api/v1/packets", key: b, json: LiveServer.samplePacket(extra: ["schema_id": .string(schemaID)]))
            #expect(withSchema.status == 422)
            #expect(withSchema.detail?.contains("not found") == true)
            let chainedParent = try await server.request(.post, "/api/v1/packets", key: b, json: LiveServer.samplePacket(extra: ["parent_packet_id": .string(packetID)]))
            #expect(chainedParent.status == 422)

            for path in ["/api/v1/packets", "/api/v1/packets/awaiting", "/api/v1/packets/search?q=refund", "/api/v1/audit", "/api/v1/schemas"] {
                let response = try await server.request(.get, path, key: b)
                #expect(response.status == 200, "\(path)")
                #expect(response.json?["total"] == 0, "\(path) leaked: \(response.text)")
            }
            let hooks = try await server.request(.get, "/api/v1/hooks", key: b)
            #expect(!hooks.text.contains(hookID))
            let stats = try await server.request(.get, "/api/v1/stats", key: b)
            #expect(stats.json?["total_packets"] == 0)

            // Tenant A still has everything, untouched.
            let still = try await server.request(.get, "/api/v1/packets/\(packetID)")
            #expect(still.json?["status"] == "awaiting_human")
        }
    }
}
