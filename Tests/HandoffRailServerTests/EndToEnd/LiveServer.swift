import Foundation
import HandoffRailModels
import HandoffRailServer
import HandoffRailService
import HandoffRailStorageSQLite
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// The real server — generated routes, middleware, service, SQLite store on a temporary
/// file — listening on a loopback port, driven by AsyncHTTPClient over real sockets.
///
/// ```swift
/// try await LiveServer.run { server in
///     let response = try await server.request(.get, "/api/v1/packets")
///     #expect(response.status == 200)
/// }
/// ```
struct LiveServer: Sendable {
    /// The bootstrapped admin key of the operator tenant `default` (tier business).
    static let adminKey = "hr_e2e_admin_key_0123456789abcdef"

    let client: any TestClientProtocol
    let service: HandoffRailService
    let store: SQLiteStore

    var port: Int { client.port ?? 0 }

    /// Generous request limits so tests measure behaviour, not the limiter (rate-limit tests
    /// pass their own).
    static let relaxedLimits: [Tier: TierLimits] = TierLimits.reference.mapValues { limits in
        var limits = limits
        limits.requestsPerMinutePerKey = 100_000
        limits.requestsPerHour = nil
        return limits
    }

    static func run<Value: Sendable>(
        service serviceConfiguration: ServiceConfiguration = ServiceConfiguration(),
        tierLimits: [Tier: TierLimits] = relaxedLimits,
        _ body: @Sendable (LiveServer) async throws -> Value
    ) async throws -> Value {
        let store = try SQLiteStore.temporary()
        var serviceConfiguration = serviceConfiguration
        serviceConfiguration.tierLimits = tierLimits
        let limiter = SlidingWindowRateLimiter()
        let service = HandoffRailService(store: store, configuration: serviceConfiguration, probes: .server(rateLimiter: limiter))
        _ = try await service.bootstrap(adminKey: adminKey)
        let app = HandoffRailApplication.make(
            api: service,
            authenticator: service,
            configuration: HandoffRailServerConfiguration(port: 0, tierLimits: tierLimits, requestLogLevel: .debug),
            rateLimiter: limiter
        )
        return try await app.test(.ahc(.http)) { client in
            try await body(LiveServer(client: client, service: service, store: store))
        }
    }

    /// Sends a request; `json` is sent as the body with `Content-Type: application/json`.
    func request(
        _ method: HTTPRequest.Method,
        _ path: String,
        key: String? = LiveServer.adminKey,
        json: JSONValue? = nil,
        body: String? = nil,
        rawBody: [UInt8]? = nil,
        headers extraHeaders: HTTPFields = [:]
    ) async throws -> LiveResponse {
        var headers = extraHeaders
        if let key { headers[HTTPField.Name("X-API-Key")!] = key }
        var buffer: ByteBuffer?
        if let json {
            buffer = ByteBuffer(bytes: json.serialized())
        } else if let rawBody {
            buffer = ByteBuffer(bytes: rawBody)
        } else if let body {
            buffer = ByteBuffer(string: body)
        }
        if buffer != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: buffer)
        return LiveResponse(response)
    }

    /// Creates a packet with the admin key and returns its JSON (fails the test otherwise).
    func createPacket(_ create: JSONValue = LiveServer.samplePacket(), key: String = LiveServer.adminKey) async throws -> JSONValue {
        let response = try await request(.post, "/api/v1/packets", key: key, json: create)
        guard response.status == 201, let json = response.json else {
            throw LiveServerFailure("create answered \(response.status): \(response.text)")
        }
        return json
    }

    /// Creates an API key of `role` (in the admin's tenant unless `tenantID`), returning the plain key.
    func makeKey(role: String, tenantID: String? = nil) async throws -> String {
        var body: [String: JSONValue] = ["name": .string("\(role) key"), "role": .string(role)]
        if let tenantID { body["tenant_id"] = .string(tenantID) }
        let response = try await request(.post, "/api/v1/keys", json: .object(body))
        guard response.status == 201, let key = response.json?["key"]?.stringValue else {
            throw LiveServerFailure("key create answered \(response.status): \(response.text)")
        }
        return key
    }

    /// Creates a tenant and an admin key for it.
    func makeTenant(tier: String = "business") async throws -> (id: String, adminKey: String) {
        let name = "tenant-\(UUID().uuidString.prefix(8))"
        let response = try await request(.post, "/api/v1/tenants", json: ["name": .string(name), "tier": .string(tier), "max_api_keys": 25, "handoffs_per_day": 1000])
        guard response.status == 201, let id = response.json?["id"]?.stringValue else {
            throw LiveServerFailure("tenant create answered \(response.status): \(response.text)")
        }
        return (id, try await makeKey(role: "admin", tenantID: id))
    }

    /// A valid create body.
    static func samplePacket(
        summary: String = "Customer asks for a refund of invoice INV-1042",
        source: String = "triage-01",
        target: String = "billing-01",
        hitl: JSONValue? = nil,
        extra: [String: JSONValue] = [:]
    ) -> JSONValue {
        var packet: [String: JSONValue] = [
            "metadata": [
                "source_agent": ["id": .string(source), "name": "Triage"],
                "target_agent": ["id": .string(target), "name": "Billing"],
                "priority": "high",
                "tags": ["billing", "refund"],
            ],
            "context": [
                "summary": .string(summary),
                "conversation_state": [["role": "user", "content": "I was charged twice."]],
            ],
        ]
        if let hitl { packet["hitl"] = hitl }
        for (key, value) in extra { packet[key] = value }
        return .object(packet)
    }
}

/// A response read in full.
struct LiveResponse: Sendable {
    let status: Int
    let headers: HTTPFields
    let data: Data

    init(_ response: TestResponse) {
        status = Int(response.status.code)
        headers = response.headers
        data = Data(response.body.readableBytesView)
    }

    var text: String { String(decoding: data, as: UTF8.self) }
    var json: JSONValue? { try? JSONValue(parsing: data) }
    var detail: String? { json?["detail"]?.stringValue }

    func header(_ name: String) -> String? {
        headers[HTTPField.Name(name)!]
    }
}

struct LiveServerFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
