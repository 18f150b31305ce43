import Foundation
import HandoffRailModels
import HandoffRailService
import HTTPTypes
import Testing

/// PROTOCOL.md's keys, tenants, webhooks, schemas, audit/stats/system behaviour, over a live socket.
@Suite("Admin endpoints over HTTP")
struct AdminEndpointsTests {
    @Test("keys: create 201 with the plain key once, list without it, revoke 204/409/404, rotate")
    func keys() async throws {
        try await LiveServer.run { server in
            let created = try await server.request(.post, "/api/v1/keys", json: ["name": "ci"])
            #expect(created.status == 201)
            let key = try #require(created.json?["key"]?.stringValue)
            let id = try #require(created.json?["id"]?.stringValue)
            #expect(key.hasPrefix("hr_"))
            #expect(created.json?["key_prefix"]?.stringValue == String(key.prefix(8)))
            #expect(created.json?["role"] == "admin")
            #expect(created.json?["tenant_id"] == "default")
            #expect(created.json?["revoked"] == false)
            #expect(try await server.request(.post, "/api/v1/keys", json: ["name": "x", "role": "superuser"]).status == 422)

            let list = try await server.request(.get, "/api/v1/keys")
            let listed = try #require(list.json?.arrayValue)
            #expect(listed.contains { $0["id"]?.stringValue == id })
            #expect(listed.allSatisfy { $0["key"] == .null })
            #expect(!list.text.contains(key))

            let rotated = try await server.request(.post, "/api/v1/keys/\(id)/rotate")
            #expect(rotated.status == 201)
            #expect(rotated.json?["id"]?.stringValue != id)
            #expect(rotated.json?["name"]?.stringValue?.contains("rotated") == true)
            let newKey = try #require(rotated.json?["key"]?.stringValue)
            #expect(try await server.request(.get, "/api/v1/packets", key: key).status == 403)
            #expect(try await server.request(.get, "/api/v1/packets", key: newKey).status == 200)
            let again = try await server.request(.post, "/api/v1/keys/\(id)/rotate")
            #expect(again.status == 409)
            #expect(again.detail?.contains("already revoked") == true)
            #expect(try await server.request(.post, "/api/v1/keys/\(UUID().uuidString)/rotate").status == 404)

            let newID = try #require(rotated.json?["id"]?.stringValue)
            #expect(try await server.request(.delete, "/api/v1/keys/\(newID)").status == 204)
            #expect(try await server.request(.delete, "/api/v1/keys/\(newID)").status == 409)
            #expect(try await server.request(.delete, "/api/v1/keys/\(UUID().uuidString)").status == 404)
            #expect(try await server.request(.get, "/api/v1/packets", key: newKey).status == 403)
        }
    }

    @Test("tenants: 201 with deleted_at null, duplicate 409, keys listing, delete 204 then 404")
    func tenants() async throws {
        try await LiveServer.run { server in
            let created = try await server.request(.post, "/api/v1/tenants", json: ["name": "acme"])
            #expect(created.status == 201)
            #expect(created.json?["tier"] == "free")
            #expect(created.json?["handoffs_per_day"] == 5)
            #expect(created.json?["max_api_keys"] == 5)
            #expect(created.json?["deleted_at"] == .null)
            let id = try #require(created.json?["id"]?.stringValue)
            #expect(try await server.request(.post, "/api/v1/tenants", json: ["name": "acme"]).status == 409)
            let key = try await server.makeKey(role: "reader", tenantID: id)
            let keys = try await server.request(.get, "/api/v1/tenants/\(id)/keys")
            #expect(keys.json?.arrayValue?.count == 1)
            #expect(try await server.request(.get, "/api/v1/packets", key: key).status == 200)
            let updated = try await server.request(.patch, "/api/v1/tenants/\(id)", json: ["tier": "pro"])
            #expect(updated.json?["tier"] == "pro")
            #expect(try await server.request(.delete, "/api/v1/tenants/\(id)").status == 204)
            #expect(try await server.request(.get, "/api/v1/tenants/\(id)").status == 404)
            #expect(try await server.request(.get, "/api/v1/packets", key: key).status == 401)
        }
    }

    @Test("webhooks: blocked targets 422, secret never returned, list includes inactive, delete 204/409")
    func webhooks() async throws {
        try await LiveServer.run { server in
            for url in ["http://127.0.0.1/hook", "http://localhost:8080/x", "http://10.0.0.5/x", "http://169.254.169.254/latest", "http://[::1]/x", "http://metadata.google.internal/x"] {
                let response = try await server.request(.post, "/api/v1/hooks", json: ["url": .string(url), "events": ["packet.created"], "secret": "0123456789abcdef"])
                #expect(response.status == 422, "\(url): \(response.status)")
                #expect(response.detail?.contains("blocked") == true, "\(url): \(response.text)")
            }
            #expect(try await server.request(.post, "/api/v1/hooks", json: ["url": "ftp://hooks.invalid/x", "events": ["packet.created"], "secret": "0123456789abcdef"]).status == 422)
            #expect(try await server.request(.post, "/api/v1/hooks", json: ["url": "https://hooks.invalid/x", "events": ["packet.exploded"], "secret": "0123456789abcdef"]).status == 422)
            #expect(try await server.request(.post, "/api/v1/hooks", json: ["url": "https://hooks.invalid/x", "events": ["packet.created"], "secret": "short"]).status == 422)

            let secret = "a-very-secret-value-123"
            let hook = try await server.request(.post, "/api/v1/hooks", json: ["url": "https://hooks.invalid/x", "events": ["packet.created", "packet.completed"], "secret": .string(secret)])
            #expect(hook.status == 201)
            #expect(!hook.text.contains(secret))
            let id = try #require(hook.json?["id"]?.stringValue)
            #expect(try await server.request(.delete, "/api/v1/hooks/\(id)").status == 204)
            #expect(try await server.request(.delete, "/api/v1/hooks/\(id)").status == 409)
            let list = try await server.request(.get, "/api/v1/hooks")
            #expect(list.json?.arrayValue?.first { $0["id"]?.stringValue == id }?["active"] == false)
            #expect(!list.text.contains(secret))
            #expect(try await server.request(.get, "/api/v1/hooks/\(id)/deliveries").status == 200)
            #expect(try await server.request(.get, "/api/v1/hooks/dlq").status == 200)
            #expect(try await server.request(.post, "/api/v1/hooks/dlq/\(UUID().uuidString)/replay").status == 404)
            let retried = try await server.request(.post, "/api/v1/hooks/dlq/retry-all")
            #expect(retried.status == 200)
            #expect(retried.json?["retried"] == 0)
        }
    }

    @Test("schemas: no type 422; list shape; violating packet 422 'validation failed'; unknown 'not found'")
    func schemas() async throws {
        try await LiveServer.run { server in
            #expect(try await server.request(.post, "/api/v1/schemas", json: ["name": "bad", "json_schema": ["properties": [:]]]).status == 422)
            let schema: JSONValue = ["type": "object", "required": ["order_id"], "properties": ["order_id": ["type": "string", "pattern": "^ORD-[0-9]+$"]]]
            let created = try await server.request(.post, "/api/v1/schemas", json: ["name": "order", "json_schema": schema, "version": 2])
            #expect(created.status == 201)
            let id = try #require(created.json?["id"]?.stringValue)
            let list = try await server.request(.get, "/api/v1/schemas")
            #expect(list.json?["total"] == 1)
            #expect(list.json?["schemas"]?[0]?["version"] == 2)
            #expect(try await server.request(.get, "/api/v1/schemas/\(id)").json?["name"] == "order")

            let context: (JSONValue) -> JSONValue = { custom in ["summary": "order", "custom": custom] }
            let valid = try await server.request(.post, "/api/v1/packets", json: LiveServer.samplePacket(extra: ["schema_id": .string(id), "context": context(["order_id": "ORD-12"])]))
            #expect(valid.status == 201)
            let invalid = try await server.request(.post, "/api/v1/packets", json: LiveServer.samplePacket(extra: ["schema_id": .string(id), "context": context(["order_id": "nope"])]))
            #expect(invalid.status == 422)
            #expect(invalid.detail?.contains("validation failed") == true)
            let unknown = try await server.request(.post, "/api/v1/packets", json: LiveServer.samplePacket(extra: ["schema_id": .string(UUID().uuidString)]))
            #expect(unknown.status == 422)
            #expect(unknown.detail?.contains("not found") == true)
        }
    }

    @Test("audit newest first and filtered; stats; system health on an empty and a used system")
    func auditStatsSystem() async throws {
        try await LiveServer.run { server in
            let empty = try await server.request(.get, "/api/v1/system/health")
            #expect(empty.status == 200)
            #expect(empty.json?["total_packets"] == 0)
            #expect(empty.json?["avg_time_to_claim_seconds"] == .null)
            #expect(empty.json?["oldest_waiting_packet_age_seconds"] == .null)
            #expect(empty.json?["top_agents"] == [])
            #expect(empty.json?["database_backend"] == "sqlite")

            let id = try #require(try await server.createPacket()["id"]?.stringValue)
            _ = try await server.request(.post, "/api/v1/packets/\(id)/claim", json: ["agent_id": "b", "agent_name": "B"])
            let audit = try await server.request(.get, "/api/v1/audit")
            #expect(audit.json?["entries"]?.arrayValue?.compactMap { $0["action"]?.stringValue } == ["claimed", "created"])
            #expect(audit.json?["entries"]?[0]?["resource"] == "packet")
            let filtered = try await server.request(.get, "/api/v1/audit?action=created&packet_id=\(id)")
            #expect(filtered.json?["total"] == 1)
            let stats = try await server.request(.get, "/api/v1/stats")
            #expect(stats.json?["total_packets"] == 1)
            #expect(stats.json?["packets_by_status"]?["claimed"] == 1)
            #expect(stats.json?["avg_claim_time_seconds"]?.isNull == false)
            let reader = try await server.makeKey(role: "reader")
            #expect(try await server.request(.get, "/api/v1/stats", key: reader).status == 403)
            let system = try await server.request(.get, "/api/v1/system/health")
            #expect(system.json?["total_packets"] == 1)
            #expect(system.json?["active_api_keys"] != 0)
        }
    }
}
