import Foundation
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Hummingbird
import Testing

/// What ``HandoffRailClient`` retries and what it never retries, against real servers.
@Suite("Client retries")
struct RetryTests {
    static let packetID = UUID(uuidString: "8D5C1E7A-3B0F-4C2A-9E61-0F4B2C8D9A10")!

    @Test("a GET answered 503 twice then 200 succeeds on the third attempt, backing off exponentially")
    func failsTwiceThenSucceeds() async throws {
        let stub = StubServer { attempt, _ in
            attempt <= 2 ? StubServer.json(#"{"detail": "warming up"}"#, status: .serviceUnavailable) : StubServer.json(StubServer.packetJSON, status: .ok)
        }
        let delays = DelayRecorder()
        let packet = try await stub.run { url in
            try await HandoffRailClient(baseURL: url, apiKey: "hr_key", configuration: .init(retryBaseDelay: 0.5), sleeper: delays.sleeper)
                .getPacket(packetId: Self.packetID)
        }
        #expect(packet.status == .claimed)
        #expect(await stub.log.seen.count == 3)
        let waited = await delays.delays
        #expect(waited.count == 2)
        #expect((0.25...0.5).contains(waited[0]))
        #expect((0.5...1.0).contains(waited[1]))
    }

    @Test("every attempt carries the user agent and the API key")
    func headersOnEveryAttempt() async throws {
        let stub = StubServer { attempt, _ in
            attempt == 1 ? StubServer.json("{}", status: .badGateway) : StubServer.json(#"{"status": "ok", "service": "handoffrail"}"#, status: .ok)
        }
        try await stub.run { url in
            _ = try await HandoffRailClient(baseURL: url, apiKey: "hr_key_123", configuration: .init(userAgent: "billing-agent/2.1"), sleeper: DelayRecorder().sleeper).getHealth()
        }
        let seen = await stub.log.seen
        #expect(seen.count == 2)
        #expect(seen.allSatisfy { $0.headers["user-agent"] == "billing-agent/2.1" && $0.headers["x-api-key"] == "hr_key_123" })
    }

    @Test("retries stop after maxRetries and the last answer is thrown")
    func givesUp() async throws {
        let stub = StubServer { _, _ in StubServer.json(#"{"detail": "down"}"#, status: .gatewayTimeout) }
        let delays = DelayRecorder()
        let error = try await stub.run { url in
            try await ErrorKindTests.error {
                try await HandoffRailClient(baseURL: url, apiKey: "hr_key", configuration: .init(maxRetries: 3), sleeper: delays.sleeper).getPacket(packetId: Self.packetID)
            }
        }
        #expect(error.kind == .server)
        #expect(error.statusCode == 504)
        #expect(await stub.log.seen.count == 4)
        #expect(await delays.delays.count == 3)
    }

    @Test("a POST without an Idempotency-Key is not retried")
    func postWithoutKeyIsNotRetried() async throws {
        let stub = StubServer { _, _ in StubServer.json(#"{"detail": "busy"}"#, status: .serviceUnavailable) }
        let error = try await stub.run { url in
            try await ErrorKindTests.error {
                try await HandoffRailClient(baseURL: url, apiKey: "hr_key", sleeper: DelayRecorder().sleeper)
                    .createHook(WebhookCreate(url: "https://hooks.example.invalid/x", secret: "0123456789abcdef"))
            }
        }
        #expect(error.kind == .server)
        #expect(error.statusCode == 503)
        let seen = await stub.log.seen
        #expect(seen.count == 1)
        #expect(seen.first?.headers["idempotency-key"] == nil)
    }

    @Test("a POST with a caller's Idempotency-Key is retried with that key")
    func postWithCallerKeyIsRetried() async throws {
        let stub = StubServer { attempt, _ in
            attempt == 1 ? StubServer.json("{}", status: .serviceUnavailable)
                : StubServer.json(#"{"id": "8d5c1e7a-3b0f-4c2a-9e61-0f4b2c8d9a10", "url": "https://hooks.example.invalid/x", "events": ["packet.created"], "tenant_id": "default", "active": true, "created_at": "2026-01-01T00:00:00Z"}"#, status: .created)
        }
        let hook = try await stub.run { url in
            try await HandoffRailClient(baseURL: url, apiKey: "hr_key", sleeper: DelayRecorder().sleeper)
                .createHook(WebhookCreate(url: "https://hooks.example.invalid/x", secret: "0123456789abcdef"), idempotencyKey: "hook-1")
        }
        #expect(hook.active)
        #expect(await stub.log.seen.map { $0.headers["idempotency-key"] } == ["hook-1", "hook-1"])
    }

    @Test("createPacket gets an automatic Idempotency-Key, the same on every attempt")
    func createGetsAutomaticKey() async throws {
        let stub = StubServer { attempt, _ in
            attempt <= 2 ? StubServer.json("{}", status: .badGateway) : StubServer.json(StubServer.packetJSON, status: .created)
        }
        _ = try await stub.run { url in
            try await HandoffRailClient(baseURL: url, apiKey: "hr_key", sleeper: DelayRecorder().sleeper).createPacket(Samples.packet())
        }
        let keys = await stub.log.seen.compactMap { $0.headers["idempotency-key"] }
        #expect(keys.count == 3)
        let key = try #require(keys.first)
        #expect(UUID(uuidString: key) != nil)
        #expect(Set(keys) == [key])
    }

    @Test("429 waits Retry-After and retries, even a POST; a Retry-After beyond the cap is thrown at once")
    func rateLimitedWaits() async throws {
        let stub = StubServer { attempt, _ in
            switch attempt {
            case 1, 2:
                return StubServer.json(#"{"detail": "Rate limit exceeded", "field": "rate_limit"}"#, status: .tooManyRequests, headers: ["Retry-After": "2"])
            case 3:
                return StubServer.json(StubServer.packetJSON, status: .created)
            default:
                return StubServer.json(#"{"detail": "Daily handoff limit reached", "code": "daily_limit_exceeded", "field": "handoffs_per_day"}"#, status: .tooManyRequests, headers: ["Retry-After": "86400"])
            }
        }
        let delays = DelayRecorder()
        let error = try await stub.run { url in
            let client = HandoffRailClient(baseURL: url, apiKey: "hr_key", sleeper: delays.sleeper)
            _ = try await client.createPacket(Samples.packet())
            return try await ErrorKindTests.error { try await client.createPacket(Samples.packet()) }
        }
        #expect(await delays.delays == [2, 2])
        #expect(error.kind == .rateLimited)
        #expect(error.retryAfter == 86400)
        #expect(error.serverCode == "daily_limit_exceeded")
        #expect(error.field == "handoffs_per_day")
        #expect(await stub.log.seen.count == 4)
    }

    @Test("a GET whose connection fails is retried; a POST without a key is not")
    func connectionFailures() async throws {
        let server = try await ClientTestServer.make()
        let flaky = DroppingTransport(base: InProcessTransportFactory.make(server), dropsBeforeSending: 1)
        let client = HandoffRailClient(transport: flaky, apiKey: ClientTestServer.adminKey, sleeper: DelayRecorder().sleeper)
        #expect(try await client.getHealth().status == "ok")
        #expect(await flaky.attempts == 2)

        let strict = DroppingTransport(base: InProcessTransportFactory.make(server), dropsBeforeSending: 1)
        let error = try await ErrorKindTests.error {
            try await HandoffRailClient(transport: strict, apiKey: ClientTestServer.adminKey, sleeper: DelayRecorder().sleeper)
                .createSchema(SchemaCreate(name: "s", jsonSchema: ["type": "object"]))
        }
        #expect(error.kind == .connection)
        #expect(await strict.attempts == 1)
    }

    @Test("a create whose answer is lost is retried with the same key and creates one packet")
    func droppedAnswerDoesNotDuplicate() async throws {
        let server = try await ClientTestServer.make()
        let dropping = DroppingTransport(base: InProcessTransportFactory.make(server), dropsAfterSending: 1)
        let client = HandoffRailClient(transport: dropping, apiKey: ClientTestServer.adminKey, sleeper: DelayRecorder().sleeper)
        let packet = try await client.createPacket(Samples.packet())
        #expect(await dropping.attempts == 2)
        let all = try await server.inProcessClient().listPackets()
        #expect(all.total == 1)
        #expect(all.packets.map(\.id) == [packet.id])

        let children = try await client.chain(from: packet.id, ChainRequest(metadata: Samples.packet().metadata, context: PacketContext(summary: "next")))
        #expect(try await server.inProcessClient().listPackets().total == 2)
        #expect(children.parentPacketId == packet.id)
    }
}
