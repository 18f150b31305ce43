import Foundation
import HandoffRailModels
import HandoffRailService
import HTTPTypes
import Testing

/// Health, metrics, authentication, roles, rate limits and body limits, over a live socket.
@Suite("Access and operations endpoints over HTTP")
struct AccessEndpointsTests {
    @Test("health, ready, metrics and the spec: no key, no rate-limit headers")
    func unauthenticated() async throws {
        try await LiveServer.run { server in
            let health = try await server.request(.get, "/health", key: nil)
            #expect(health.json == ["status": "ok", "service": "handoffrail"])
            #expect(health.header("X-RateLimit-Limit") == nil)
            let ready = try await server.request(.get, "/ready", key: nil)
            #expect(ready.json == ["status": "ready", "service": "handoffrail", "db": true])
            let metrics = try await server.request(.get, "/metrics", key: nil)
            for family in ["handoffrail_requests_total", "handoffrail_request_latency_seconds", "handoffrail_handoffs_total", "handoffrail_api_key_operations_total", "handoffrail_webhook_deliveries_total", "handoffrail_webhook_dlq_size", "handoffrail_hitl_checkpoints_total", "handoffrail_hitl_responses_total", "handoffrail_chain_depth", "handoffrail_packet_status_count", "handoffrail_rules_applied_total"] {
                #expect(metrics.text.contains(family), "\(family)")
            }
            #expect(metrics.header("X-RateLimit-Limit") == nil)
            let spec = try await server.request(.get, "/openapi.yaml", key: nil)
            #expect(spec.status == 200)
            #expect(spec.text.hasPrefix("openapi: 3.1"))
        }
    }

    @Test("the database gone: /ready is 503, API calls are 503 in the error shape, /health stays up")
    func databaseDown() async throws {
        try await LiveServer.run { server in
            try server.store.close()
            let ready = try await server.request(.get, "/ready", key: nil)
            #expect(ready.status == 503)
            #expect(ready.json?["db"] == false)
            let list = try await server.request(.get, "/api/v1/packets")
            #expect(list.status == 503)
            #expect(list.detail != nil)
            #expect(list.header("X-RateLimit-Limit") != nil)
            #expect(try await server.request(.get, "/health", key: nil).status == 200)
        }
    }

    @Test("missing/unknown key 401 with rate-limit headers; role too low 403 with the exact text")
    func authentication() async throws {
        try await LiveServer.run { server in
            for key in [nil, "", "hr_unknown"] as [String?] {
                let response = try await server.request(.get, "/api/v1/packets", key: key)
                #expect(response.status == 401)
                #expect(response.detail != nil)
                #expect(response.header("X-RateLimit-Limit") != nil)
            }
            let reader = try await server.makeKey(role: "reader")
            let denied = try await server.request(.post, "/api/v1/packets", key: reader, json: LiveServer.samplePacket())
            #expect(denied.status == 403)
            #expect(denied.json == ["detail": "Insufficient permissions. Required role: writer, current role: reader"])
            let agent = try await server.makeKey(role: "agent")
            #expect(try await server.request(.get, "/api/v1/keys", key: agent).status == 403)
        }
    }

    @Test("rate limits: remaining drops by exactly 1; then 429 with the exact body and Retry-After")
    func rateLimits() async throws {
        var limits = TierLimits.reference
        for tier in limits.keys { limits[tier]?.requestsPerMinutePerKey = 3 }
        try await LiveServer.run(tierLimits: limits) { server in
            var remaining: [Int] = []
            for _ in 0..<3 {
                let response = try await server.request(.get, "/api/v1/packets")
                #expect(response.status == 200)
                #expect(response.header("X-RateLimit-Limit") == "3")
                #expect(response.header("X-RateLimit-Tier") == "business")
                #expect(response.header("X-RateLimit-Reset") != nil)
                remaining.append(Int(response.header("X-RateLimit-Remaining") ?? "") ?? -1)
            }
            #expect(remaining == [2, 1, 0])
            let limited = try await server.request(.get, "/api/v1/packets")
            #expect(limited.status == 429)
            #expect(limited.text == #"{"detail":"Rate limit exceeded","field":"rate_limit"}"#)
            #expect((Int(limited.header("Retry-After") ?? "") ?? 0) > 0)
            #expect(limited.header("X-RateLimit-Remaining") == "0")
            #expect(try await server.request(.get, "/health", key: nil).status == 200)
        }
    }

    @Test("the free tier's daily quota: 429 daily_limit_exceeded with Retry-After until midnight UTC")
    func dailyQuota() async throws {
        try await LiveServer.run { server in
            let created = try await server.request(.post, "/api/v1/tenants", json: ["name": "small", "tier": "free", "handoffs_per_day": 2])
            let tenantID = try #require(created.json?["id"]?.stringValue)
            let key = try await server.makeKey(role: "writer", tenantID: tenantID)
            for _ in 0..<2 {
                #expect(try await server.request(.post, "/api/v1/packets", key: key, json: LiveServer.samplePacket(source: "a", target: "b")).status == 201)
            }
            let refused = try await server.request(.post, "/api/v1/packets", key: key, json: LiveServer.samplePacket(source: "a", target: "b"))
            #expect(refused.status == 429)
            #expect(refused.json?["code"] == "daily_limit_exceeded")
            #expect(refused.json?["field"] == "handoffs_per_day")
            let retryAfter = Int(refused.header("Retry-After") ?? "") ?? 0
            #expect(retryAfter > 0 && retryAfter <= 86_400)
            #expect(refused.header("X-RateLimit-Remaining") == "0")
        }
    }

    @Test("a body over the tier's size is 413 with the tier, also unauthenticated (free tier)")
    func bodyLimits() async throws {
        try await LiveServer.run { server in
            let big = LiveServer.samplePacket(summary: String(repeating: "y", count: 70 * 1024))
            let anonymous = try await server.request(.post, "/api/v1/packets", key: nil, json: big)
            #expect(anonymous.status == 413)
            #expect(anonymous.json?["tier"] == "free")
            let business = try await server.request(.post, "/api/v1/packets", json: big)
            #expect(business.status == 201)
        }
    }
}
