import Foundation
import HandoffRailClient
import HandoffRailModels
import HandoffRailServer
import HandoffRailService
import HandoffRailStorageSQLite
import Hummingbird

/// The real server stack (middleware, generated routes, service, SQLite on a temporary file)
/// for client tests: reachable in-process through ``InProcessTransport``, or over real
/// sockets on 127.0.0.1 with ``withLiveServer(_:)``.
package struct ClientTestServer: Sendable {
    /// The bootstrapped admin key of the operator tenant `default` (tier business).
    package static let adminKey = "hr_client_tests_admin_0123456789abcdef"

    package let service: HandoffRailService
    package let responder: RouterResponder<HandoffRailRequestContext>

    /// Request limits generous enough that only tests that want a 429 see one.
    package static let relaxedLimits: [Tier: TierLimits] = TierLimits.reference.mapValues { limits in
        var limits = limits
        limits.requestsPerMinutePerKey = 1_000_000
        limits.requestsPerHour = nil
        return limits
    }

    /// A fresh server on its own temporary database.
    package static func make(tierLimits: [Tier: TierLimits] = relaxedLimits) async throws -> ClientTestServer {
        var configuration = ServiceConfiguration()
        configuration.tierLimits = tierLimits
        let limiter = SlidingWindowRateLimiter()
        let service = HandoffRailService(store: try SQLiteStore.temporary(), configuration: configuration, probes: .server(rateLimiter: limiter))
        _ = try await service.bootstrap(adminKey: adminKey)
        HandoffRailMetrics.bootstrap()
        let router = HandoffRailApplication.makeRouter(
            api: service, authenticator: service,
            configuration: HandoffRailServerConfiguration(port: 0, tierLimits: tierLimits, requestLogLevel: .debug),
            rateLimiter: limiter)
        return ClientTestServer(service: service, responder: router.buildResponder())
    }

    /// A client calling this server in-process.
    package func inProcessClient(key: String? = adminKey, configuration: HandoffRailClientConfiguration = .init(), sleeper: RetrySleeper = .live) -> HandoffRailClient {
        HandoffRailClient(transport: InProcessTransport(responder: responder), apiKey: key, configuration: configuration, sleeper: sleeper)
    }

    /// Runs the server on 127.0.0.1 (a free port) for the duration of `body`, which gets its URL.
    package func withLiveServer<Value: Sendable>(_ body: @Sendable (URL) async throws -> Value) async throws -> Value {
        try await EphemeralServer.run(responder: responder, loggerLabel: "client-test-server", body)
    }

    /// Runs `body` with a client of this server over `transport` (`.inProcess` or `.live`).
    package func withClient<Value: Sendable>(
        _ transport: TransportKind, key: String? = adminKey, configuration: HandoffRailClientConfiguration = .init(),
        _ body: @Sendable (HandoffRailClient) async throws -> Value
    ) async throws -> Value {
        switch transport {
        case .inProcess:
            return try await body(inProcessClient(key: key, configuration: configuration))
        case .live:
            return try await withLiveServer { url in
                try await body(HandoffRailClient(baseURL: url, apiKey: key, configuration: configuration))
            }
        }
    }

    /// Creates an API key of `role` in the default tenant and returns the plain key.
    package func makeKey(role: Role) async throws -> String {
        try await inProcessClient().createApiKey(ApiKeyCreate(name: "\(role.rawValue) key", role: role)).key
    }
}

/// How a test reaches the server.
package enum TransportKind: String, Sendable, CaseIterable, CustomStringConvertible {
    case inProcess = "in-process"
    case live = "live sockets"
    package var description: String { rawValue }
}
