import AsyncHTTPClient
import Foundation
import HandoffRailModels
import HandoffRailServer
import HandoffRailService
import HandoffRailStorageSQLite
import Hummingbird
import HummingbirdTesting
import NIOCore

/// ``LiveServer`` with live events switched on: the same application as `handoffrail serve`
/// (event fan-out, `/events`, `/ws`), on a loopback port, plus an SSE client.
///
/// ```swift
/// try await EventsLiveServer.run { server in
///     try await server.withEventStream(query: "subscribe=status:created") { inbox in
///         #expect(try await inbox.next()?.event == "connected")
///     }
/// }
/// ```
struct EventsLiveServer: Sendable {
    let live: LiveServer
    let events: EventStreaming

    var port: Int { live.port }

    static func run<Value: Sendable>(
        configuration: EventStreamConfiguration = EventStreamConfiguration(),
        tierLimits: [Tier: TierLimits] = LiveServer.relaxedLimits,
        _ body: @Sendable (EventsLiveServer) async throws -> Value
    ) async throws -> Value {
        let store = try SQLiteStore.temporary()
        var serviceConfiguration = ServiceConfiguration()
        serviceConfiguration.tierLimits = tierLimits
        let limiter = SlidingWindowRateLimiter()
        let connections = EventConnectionRegistry()
        let service = HandoffRailService(
            store: store, configuration: serviceConfiguration,
            probes: .server(rateLimiter: limiter, eventConnections: connections))
        _ = try await service.bootstrap(adminKey: LiveServer.adminKey)
        let events = EventStreaming(service: service, store: store, connections: connections, configuration: configuration)
        let app = HandoffRailApplication.make(
            api: service, authenticator: service,
            configuration: HandoffRailServerConfiguration(port: 0, tierLimits: tierLimits, requestLogLevel: .debug),
            rateLimiter: limiter, events: events)
        return try await app.test(.live) { client in
            try await body(EventsLiveServer(live: LiveServer(client: client, service: service, store: store), events: events))
        }
    }

    /// Opens `GET path?api_key=…&query` and runs `body` while a child task parses the stream
    /// into `inbox`; the connection is dropped when `body` returns.
    func withEventStream<Value: Sendable>(
        path: String = "/events",
        key: String = LiveServer.adminKey,
        query: String = "",
        headers: [(String, String)] = [],
        readBody: Bool = true,
        _ body: (SSEInbox, HTTPClientResponse) async throws -> Value
    ) async throws -> Value {
        let separator = query.isEmpty ? "" : "&"
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)?api_key=\(key)\(separator)\(query)")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(600))
        let inbox = SSEInbox()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            if readBody {
                group.addTask { try await inbox.read(response.body) }
            }
            defer { group.cancelAll() }
            return try await body(inbox, response)
        }
    }

    /// A request with `LiveServer`'s helper; fails the test on an unexpected status.
    @discardableResult
    func call(_ method: HTTPRequest.Method, _ path: String, key: String = LiveServer.adminKey, json: JSONValue? = nil, expect status: Int) async throws -> JSONValue {
        let response = try await live.request(method, path, key: key, json: json)
        guard response.status == status else {
            throw LiveServerFailure("\(method) \(path) answered \(response.status), expected \(status): \(response.text)")
        }
        return response.json ?? .null
    }
}
