import Foundation
import HandoffRailModels

/// Facts only the hosting process knows, handed to the service by the server: metrics text,
/// the spec document, live connection counts and per-key request counts.
public struct SystemProbes: Sendable {
    /// Prometheus exposition text for `/metrics`.
    public var metricsText: @Sendable () -> String
    /// The OpenAPI document served at `/openapi.yaml`.
    public var openAPIDocument: @Sendable () -> String
    /// Open SSE + WebSocket connections (of one tenant, or all when nil).
    public var activeEventConnections: @Sendable (_ tenantID: String?) -> Int
    /// Requests per key id over the last hour.
    public var requestsLastHourPerKey: @Sendable () -> [String: Int]
    /// When the process started (for `uptime_seconds`).
    public var startedAt: Date

    public init(
        metricsText: @escaping @Sendable () -> String = { "" },
        openAPIDocument: @escaping @Sendable () -> String = { "" },
        activeEventConnections: @escaping @Sendable (_ tenantID: String?) -> Int = { _ in 0 },
        requestsLastHourPerKey: @escaping @Sendable () -> [String: Int] = { [:] },
        startedAt: Date = Date()
    ) {
        self.metricsText = metricsText
        self.openAPIDocument = openAPIDocument
        self.activeEventConnections = activeEventConnections
        self.requestsLastHourPerKey = requestsLastHourPerKey
        self.startedAt = startedAt
    }
}
