import Foundation
import HandoffRailClient
import HandoffRailModels
import HandoffRailServer
import HandoffRailService
import HandoffRailStorageSQLite
import Logging
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real server with live events — `HandoffRailApplication.make(…, events:)`: middleware,
/// generated routes, `/events`, the outbox fan-out, SQLite on a temporary file — listening on
/// 127.0.0.1 at a free port while a test runs.
///
/// ```swift
/// try await LiveEventsServer.run { server in
///     let client = server.client()
///     for try await event in client.events(subscribe: [.status(.created)]) { … }
/// }
/// ```
package struct LiveEventsServer: Sendable {
    /// The bootstrapped admin key of the operator tenant `default` (tier business).
    package static let adminKey = "hr_events_e2e_admin_0123456789abcdef"

    package let url: URL

    /// A client of this server with `key`.
    package func client(key: String = adminKey) -> HandoffRailClient {
        HandoffRailClient(baseURL: url, apiKey: key)
    }

    package static func run<Value: Sendable>(_ body: @Sendable (LiveEventsServer) async throws -> Value) async throws -> Value {
        // The port is picked free, then bound by the server: another process may take it in
        // between, so a server that fails to start is retried on a new port.
        var attempt = 1
        while true {
            do {
                return try await runOnce(body)
            } catch is ServerStartFailure where attempt < 3 {
                attempt += 1
            }
        }
    }

    private static func runOnce<Value: Sendable>(_ body: @Sendable (LiveEventsServer) async throws -> Value) async throws -> Value {
        let tierLimits = TierLimits.reference.mapValues { limits in
            var limits = limits
            limits.requestsPerMinutePerKey = 1_000_000
            limits.requestsPerHour = nil
            return limits
        }
        var serviceConfiguration = ServiceConfiguration()
        serviceConfiguration.tierLimits = tierLimits
        let store = try SQLiteStore.temporary()
        let limiter = SlidingWindowRateLimiter()
        let connections = EventConnectionRegistry()
        let service = HandoffRailService(
            store: store, configuration: serviceConfiguration,
            probes: .server(rateLimiter: limiter, eventConnections: connections))
        _ = try await service.bootstrap(adminKey: adminKey)
        var quiet = Logger(label: "handoffrail.events-e2e")
        quiet.logLevel = .critical
        let events = EventStreaming(
            service: service, store: store, connections: connections,
            configuration: EventStreamConfiguration(heartbeatInterval: .seconds(1), pollInterval: .milliseconds(200)),
            logger: quiet)
        let port = try FreePort.pick()
        let app = HandoffRailApplication.make(
            api: service, authenticator: service,
            configuration: HandoffRailServerConfiguration(host: "127.0.0.1", port: port, tierLimits: tierLimits, requestLogLevel: .debug),
            rateLimiter: limiter, logger: quiet, events: events)
        let url = URL(string: "http://127.0.0.1:\(port)")!
        let stopped = ServerExit()
        return try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask {
                do {
                    try await app.run()
                    await stopped.record("the server stopped")
                } catch {
                    await stopped.record(String(describing: error))
                }
                return nil
            }
            defer { group.cancelAll() }
            try await waitUntilHealthy(url, unless: stopped)
            return try await body(LiveEventsServer(url: url))
        }
    }

    /// Polls `GET /api/v1/stats` with this server's admin key until it answers 200 (at most
    /// 30 s) — the key proves it is our server and not another process that holds the port —
    /// or throws ``ServerStartFailure`` when the server stopped instead.
    private static func waitUntilHealthy(_ url: URL, unless stopped: ServerExit) async throws {
        var request = URLRequest(url: url.appendingPathComponent("api/v1/stats"), timeoutInterval: 5)
        request.setValue(adminKey, forHTTPHeaderField: "X-API-Key")
        for _ in 0..<300 {
            if let reason = await stopped.reason { throw ServerStartFailure(reason: reason) }
            if let (_, response) = try? await URLSession.shared.data(for: request),
               (response as? HTTPURLResponse)?.statusCode == 200 {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        if let reason = await stopped.reason { throw ServerStartFailure(reason: reason) }
        throw ServerStartFailure(reason: "the live server did not answer within 30 s")
    }
}

/// Why the server task ended.
private actor ServerExit {
    private(set) var reason: String?
    func record(_ reason: String) { self.reason = reason }
}

/// The server stopped before answering (typically: its port was taken meanwhile).
package struct ServerStartFailure: Error, CustomStringConvertible {
    package var reason: String
    package var description: String { "the live server did not start: \(reason)" }
}

/// A TCP port on 127.0.0.1 that was free a moment ago (the kernel picks it).
package enum FreePort {
    package static func pick() throws -> Int {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw ServerStartFailure(reason: "socket() failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else { throw ServerStartFailure(reason: "could not bind a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
