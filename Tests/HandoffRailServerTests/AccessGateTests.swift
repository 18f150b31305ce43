import Foundation
import HandoffRailModels
import HandoffRailServer
import HandoffRailService
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The middleware chain over the in-process router, with a fixed key table and the
/// recording API: authentication, roles, rate limits, sizes, error shapes, CORS.
@Suite("Access gate and middleware")
struct AccessGateTests {
    static let history = "/api/v1/packets/6f1c2a9e-0000-4000-8000-000000000001/history"

    static func application(
        perMinute: Int = 60, limiter: (any RateLimiter)? = nil
    ) -> some ApplicationProtocol {
        var configuration = HandoffRailServerConfiguration()
        for tier in configuration.tierLimits.keys { configuration.tierLimits[tier]?.requestsPerMinutePerKey = perMinute }
        return HandoffRailApplication.make(
            api: RecordingAPI(), authenticator: TableAuthenticator.standard, configuration: configuration,
            rateLimiter: limiter ?? SlidingWindowRateLimiter())
    }

    static func key(_ key: String) -> HTTPFields { [.init("X-API-Key")!: key] }

    @Test("a role too low is 403 with the reference's exact text")
    func roleTooLow() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/packets", method: .post, headers: Self.key("hr_reader"), body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .forbidden)
                #expect(response.body.text == #"{"detail":"Insufficient permissions. Required role: writer, current role: reader"}"#)
                #expect(response.headers[.init("X-RateLimit-Remaining")!] == "60", "a role refusal is not counted")
            }
            try await client.execute(uri: "/api/v1/keys", method: .get, headers: Self.key("hr_writer")) { response in
                #expect(response.body.text == #"{"detail":"Insufficient permissions. Required role: admin, current role: writer"}"#)
            }
            try await client.execute(uri: Self.history, method: .get, headers: Self.key("hr_admin")) { response in
                #expect(response.status == .ok, "admin satisfies reader")
            }
        }
    }

    @Test("missing, empty and unknown keys are 401, a revoked key 403, all with rate-limit headers")
    func unauthenticated() async throws {
        try await Self.application().test(.router) { client in
            for headers in [HTTPFields(), Self.key(""), Self.key("hr_nope")] {
                try await client.execute(uri: Self.history, method: .get, headers: headers) { response in
                    #expect(response.status == .unauthorized)
                    let body = try JSONValue(parsing: Data(response.body.readableBytesView))
                    #expect(body["detail"]?.stringValue != nil)
                    #expect(response.headers[.init("X-RateLimit-Limit")!] == "60")
                    #expect(response.headers[.init("X-RateLimit-Tier")!] == "free")
                    #expect(response.headers[.init("X-RateLimit-Reset")!].flatMap(Int.init) != nil)
                }
            }
            try await client.execute(uri: Self.history, method: .get, headers: Self.key("hr_revoked")) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.init("X-RateLimit-Remaining")!] == "56", "counted per client address after three 401s")
            }
        }
    }

    @Test("exempt paths and preflights carry no rate-limit headers and need no key")
    func exempt() async throws {
        try await Self.application().test(.router) { client in
            for path in ["/health", "/metrics", "/openapi.yaml", "/ready"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status != .unauthorized, "\(path)")
                    #expect(response.headers[.init("X-RateLimit-Limit")!] == nil, "\(path)")
                    #expect(response.headers[.init("X-Request-ID")!] != nil, "\(path)")
                }
            }
            let preflight: HTTPFields = [.origin: "https://app.example", .accessControlRequestMethod: "POST"]
            try await client.execute(uri: "/api/v1/packets", method: .options, headers: preflight) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                let allowed = try #require(response.headers[.accessControlAllowHeaders]).lowercased()
                for name in ["x-api-key", "idempotency-key", "content-type", "last-event-id"] { #expect(allowed.contains(name)) }
                #expect(response.headers[.init("X-RateLimit-Limit")!] == nil)
            }
            try await client.execute(uri: Self.history, method: .get, headers: Self.key("hr_admin") + [.origin: "https://app.example"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                let exposed = try #require(response.headers[.accessControlExposeHeaders])
                #expect(exposed.contains("X-RateLimit-Remaining"))
            }
        }
    }

    @Test("remaining goes down by one per request of a key; over the limit is the exact 429")
    func rateLimit() async throws {
        try await Self.application(perMinute: 3).test(.router) { client in
            var remaining: [String?] = []
            for _ in 0..<3 {
                try await client.execute(uri: Self.history, method: .get, headers: Self.key("hr_reader")) { response in
                    #expect(response.status == .ok)
                    remaining.append(response.headers[.init("X-RateLimit-Remaining")!])
                }
            }
            #expect(remaining == ["2", "1", "0"])
            try await client.execute(uri: Self.history, method: .get, headers: Self.key("hr_reader")) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.body.text == #"{"detail":"Rate limit exceeded","field":"rate_limit"}"#)
                #expect(response.headers[.retryAfter].flatMap(Int.init).map { $0 > 0 } == true)
                #expect(response.headers[.init("X-RateLimit-Remaining")!] == "0")
            }
            try await client.execute(uri: Self.history, method: .get, headers: Self.key("hr_writer")) { response in
                #expect(response.status == .ok, "another key has its own window")
                #expect(response.headers[.init("X-RateLimit-Remaining")!] == "2")
            }
        }
    }

    @Test("a body over the tier's size is 413 on Content-Length, before the route")
    func contentLengthTooLarge() async throws {
        let oversized = ByteBuffer(repeating: UInt8(ascii: " "), count: 64 * 1024 + 1)
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/packets", method: .post, headers: Self.key("hr_writer"), body: oversized) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.body.text == #"{"detail":"Request body exceeds the free tier limit of 65536 bytes","tier":"free"}"#)
                #expect(response.headers[.init("X-RateLimit-Tier")!] == "free")
            }
            try await client.execute(uri: "/api/v1/packets", method: .post, headers: Self.key("hr_business"), body: oversized) { response in
                #expect(response.status == .unprocessableContent, "the business tier allows 1 MiB: the route validates the body")
            }
        }
    }

    @Test("errors leave as protocol JSON with a request id; a safe incoming id is echoed")
    func errorShapes() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/nothing", method: .get, headers: Self.key("hr_admin")) { response in
                #expect(response.status == .notFound)
                #expect(response.body.text == #"{"detail":"Not Found"}"#)
                #expect(response.headers[.init("X-RateLimit-Limit")!] == "60")
            }
            try await client.execute(uri: "/api/v1/packets/x/claim", method: .post, headers: Self.key("hr_admin") + [.init("X-Request-ID")!: "trace-42.a:b_c"], body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.headers[.init("X-Request-ID")!] == "trace-42.a:b_c")
            }
            try await client.execute(uri: "/health", method: .get, headers: [.init("X-Request-ID")!: "bad id\u{7f}<script>"]) { response in
                let id = try #require(response.headers[.init("X-Request-ID")!])
                #expect(id != "bad id\u{7f}<script>")
                #expect(!id.isEmpty)
            }
        }
    }
}

extension HTTPFields {
    static func + (left: HTTPFields, right: HTTPFields) -> HTTPFields {
        var merged = left
        merged.append(contentsOf: right)
        return merged
    }
}
