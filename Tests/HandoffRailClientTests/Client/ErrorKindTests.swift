import Foundation
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Hummingbird
import Testing

/// Every ``HandoffRailError/Kind``, produced by the real server (in-process and over sockets)
/// or, for server failures, timeouts and refused connections, by a real stub server.
@Suite("Client errors: every kind")
struct ErrorKindTests {
    static let noRetries = HandoffRailClientConfiguration(maxRetries: 0)

    @Test("401 authentication, 403 permission, 404 and 410 notFound", arguments: TransportKind.allCases)
    func accessAndExistence(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        let readerKey = try await server.makeKey(role: .reader)
        let packet = try await server.inProcessClient().createPacket(Samples.packet())
        try await server.inProcessClient().deletePacket(packetId: packet.id)

        try await server.withClient(transport, key: "hr_not_a_real_key_0000") { client in
            let error = try await Self.error { try await client.getPacket(packetId: packet.id) }
            #expect(error.kind == .authentication)
            #expect(error.statusCode == 401)
            #expect(error.operationID == "getPacket")
            #expect(!error.description.contains("hr_not_a_real_key_0000"))
        }
        try await server.withClient(transport, key: readerKey) { client in
            let error = try await Self.error { try await client.createPacket(Samples.packet()) }
            #expect(error.kind == .permission)
            #expect(error.statusCode == 403)
            #expect(error.detail?.contains("Insufficient permissions") == true)
            #expect(!error.description.contains(readerKey))
        }
        try await server.withClient(transport) { client in
            let missing = try await Self.error { try await client.getPacket(packetId: UUID()) }
            #expect(missing.kind == .notFound)
            #expect(missing.statusCode == 404)
            let expired = try await Self.error { try await client.claim(packet.id, agentID: "billing-01", agentName: "Billing") }
            #expect(expired.kind == .notFound)
            #expect(expired.statusCode == 410)
        }
    }

    @Test("400 and 422 validation with every field issue and its location", arguments: TransportKind.allCases)
    func validation(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let packet = try await client.createPacket(Samples.packet())
            let transition = try await Self.error { try await client.complete(packet.id) }
            #expect(transition.kind == .validation)
            #expect(transition.statusCode == 400)
            #expect(transition.detail?.contains("Cannot transition") == true)
            #expect(transition.serverCode == "invalid_transition")
            #expect(transition.field == "status")
            #expect(transition.validationIssues.isEmpty)

            let query = try await Self.error { try await client.listPackets(limit: 500, offset: -1) }
            #expect(query.kind == .validation)
            #expect(query.statusCode == 422)
            #expect(Set(query.validationIssues.map(\.locationPath)) == ["query.limit", "query.offset"])

            var invalid = Samples.packet()
            invalid.context.summary = ""
            let body = try await Self.error { try await client.createPacket(invalid) }
            #expect(body.kind == .validation)
            #expect(body.statusCode == 422)
            #expect(body.validationIssues.map(\.locationPath) == ["body.context.summary"])
            #expect(body.validationIssues.first?.type == "string_too_short")
            #expect(body.description.contains("body.context.summary: "))
        }
    }

    @Test("409 conflict names the current claimant", arguments: TransportKind.allCases)
    func claimConflict(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let packet = try await client.createPacket(Samples.packet())
            try await client.claim(packet.id, agentID: "billing-01", agentName: "Billing One")
            let error = try await Self.error { try await client.claim(packet.id, agentID: "billing-02", agentName: "Billing Two") }
            #expect(error.kind == .conflict)
            #expect(error.statusCode == 409)
            #expect(error.claimant?.id == "billing-01")
            #expect(error.claimant?.name == "Billing One")
            #expect(error.description.contains("claimed by Billing One (billing-01)"))
        }
    }

    @Test("429 rateLimited carries Retry-After", arguments: TransportKind.allCases)
    func rateLimited(transport: TransportKind) async throws {
        let limits = ClientTestServer.relaxedLimits.mapValues { limits in
            var limits = limits
            limits.requestsPerMinutePerKey = 2
            return limits
        }
        let server = try await ClientTestServer.make(tierLimits: limits)
        try await server.withClient(transport, configuration: Self.noRetries) { client in
            _ = try await client.listPackets()
            _ = try await client.listPackets()
            let error = try await Self.error { try await client.listPackets() }
            #expect(error.kind == .rateLimited)
            #expect(error.statusCode == 429)
            #expect((error.retryAfter ?? 0) > 0)
            #expect(error.field == "rate_limit")
        }
    }

    @Test("413 payloadTooLarge names the tier", arguments: TransportKind.allCases)
    func payloadTooLarge(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        let admin = server.inProcessClient()
        let tenant = try await admin.createTenant(TenantCreate(name: "small-\(UUID().uuidString.prefix(6))", tier: .free))
        let writer = try await admin.createApiKey(ApiKeyCreate(name: "writer", tenantId: tenant.id, role: .writer)).key
        try await server.withClient(transport, key: writer, configuration: Self.noRetries) { client in
            let error = try await Self.error { try await client.createPacket(Samples.packet(summary: String(repeating: "x", count: 70_000))) }
            #expect(error.kind == .payloadTooLarge)
            #expect(error.statusCode == 413)
            guard case .payloadTooLargeError(let body)? = error.body else {
                Issue.record("unexpected body \(String(describing: error.body))")
                return
            }
            #expect(body.tier == .free)
        }
    }

    @Test("5xx is server, with the status and the body's detail")
    func serverError() async throws {
        let stub = StubServer { _, _ in StubServer.json(#"{"detail": "database on fire"}"#, status: .internalServerError) }
        try await stub.run { url in
            let client = HandoffRailClient(baseURL: url, apiKey: "hr_key", configuration: Self.noRetries)
            let error = try await Self.error { try await client.getPacket(packetId: UUID()) }
            #expect(error.kind == .server)
            #expect(error.statusCode == 500)
            #expect(error.detail == "database on fire")
        }
    }

    @Test("a documented status with a body that is not JSON keeps its kind")
    func undecodableErrorBody() async throws {
        let stub = StubServer { _, _ in Response(status: .notFound, body: .init(byteBuffer: ByteBuffer(string: "<html>nope</html>"))) }
        try await stub.run { url in
            let client = HandoffRailClient(baseURL: url, apiKey: "hr_key", configuration: Self.noRetries)
            let error = try await Self.error { try await client.getPacket(packetId: UUID()) }
            #expect(error.kind == .notFound)
            #expect(error.statusCode == 404)
            #expect(error.operationID == "getPacket")
        }
    }

    @Test("a refused connection is connection")
    func connectionRefused() async throws {
        let stub = StubServer { _, _ in Response(status: .ok) }
        let closedURL = try await stub.run { url in url }
        let client = HandoffRailClient(baseURL: closedURL, apiKey: "hr_secret_key_for_refused", configuration: Self.noRetries)
        let error = try await Self.error { try await client.getHealth() }
        #expect(error.kind == .connection)
        #expect(error.statusCode == nil)
        #expect(error.operationID == "getHealth")
        #expect(!error.description.contains("hr_secret_key_for_refused"))
    }

    @Test("no answer within the timeout is timeout")
    func timeout() async throws {
        let (release, releaseAll) = AsyncStream.makeStream(of: Void.self)
        let stub = StubServer { _, _ in
            for await _ in release {}
            return Response(status: .ok)
        }
        try await stub.run { url in
            defer { releaseAll.finish() }
            let client = HandoffRailClient(baseURL: url, apiKey: "hr_key", configuration: HandoffRailClientConfiguration(timeout: 1, maxRetries: 0))
            let error = try await Self.error { try await client.getHealth() }
            #expect(error.kind == .timeout)
            #expect(error.operationID == "getHealth")
        }
    }

    /// The ``HandoffRailError`` `call` throws (recording an issue when it throws something else).
    static func error(_ call: () async throws -> some Any) async throws -> HandoffRailError {
        do {
            _ = try await call()
        } catch let error as HandoffRailError {
            return error
        }
        throw TestFailure("expected a HandoffRailError, but the call succeeded")
    }
}
