import Foundation
import HandoffRailModels
import HandoffRailServer
import HandoffRailService
import HandoffRailStorageSQLite
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The real application — middleware, generated routes, service, SQLite — on a socket.
@Suite("Live application")
struct LiveApplicationTests {
    static let adminKey = "hr_live_test_admin_key_0123456789"

    @Test("probes answer without a key; a bootstrapped admin key reaches an endpoint")
    func live() async throws {
        let store = try SQLiteStore.temporary()
        let limiter = SlidingWindowRateLimiter()
        let service = HandoffRailService(
            store: store,
            probes: .server(rateLimiter: limiter))
        #expect(try await service.bootstrap(adminKey: Self.adminKey) == .createdWithConfiguredKey)
        let application = HandoffRailApplication.make(
            api: service, authenticator: service, configuration: HandoffRailServerConfiguration(port: 0), rateLimiter: limiter)
        try await application.test(.live) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let body = try JSONValue(parsing: Data(response.body.readableBytesView))
                #expect(body == ["status": "ok", "service": "handoffrail"])
                #expect(response.headers[HTTPField.Name("X-RateLimit-Limit")!] == nil)
            }
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .ok)
                let body = try JSONValue(parsing: Data(response.body.readableBytesView))
                #expect(body["db"] == true)
            }
            let key: HTTPFields = [HTTPField.Name("X-API-Key")!: Self.adminKey]
            try await client.execute(uri: "/api/v1/packets", method: .get, headers: key) { response in
                #expect(response.status == .ok)
                #expect(response.headers[HTTPField.Name("X-RateLimit-Tier")!] == "business")
                #expect(response.headers[HTTPField.Name("X-RateLimit-Remaining")!] == "59")
            }
            try await client.execute(uri: "/api/v1/packets", method: .get, headers: [HTTPField.Name("X-API-Key")!: "hr_unknown"]) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                for family in MetricsExpositionTests.families {
                    #expect(text.contains("# TYPE \(family) "), "\(family)")
                }
                #expect(text.contains(#"endpoint="/api/v1/packets""#), "requests are counted by route template")
            }
        }
        #expect(limiter.requestsLastHourPerKey().count == 1, "the admin key's request is counted for /system/health")
        try store.close()
    }
}
