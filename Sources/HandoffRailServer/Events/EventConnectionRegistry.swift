import HandoffRailModels
import Metrics
import Synchronization

/// The open live-event connections of this process, per tenant and transport: enforces the
/// tier's `maxEventConnections` and feeds `/stats` (`active_ws_connections`) and the
/// `handoffrail_event_connections` gauge.
///
/// A connection holds its slot for the duration of a scoped call, so a slot is released
/// however the connection ends:
///
/// ```swift
/// let registry = EventConnectionRegistry()
/// let served = try await registry.withConnection(tenantID: "acme", transport: .serverSentEvents, limit: 5) {
///     try await stream()
/// }
/// if served == nil { /* the tenant already had 5 */ }
/// ```
public final class EventConnectionRegistry: Sendable {
    /// How a connection receives events.
    public enum Transport: String, Sendable, CaseIterable {
        case serverSentEvents = "sse"
        case webSocket = "websocket"
    }

    /// The gauge of open connections, labelled `transport`.
    public static let gaugeName = "handoffrail_event_connections"

    private struct Counts {
        var byTenant: [String: Int] = [:]
        var byTransport: [Transport: Int] = [:]
    }

    private let counts = Mutex(Counts())

    public init() {}

    /// Open connections of `tenantID`, or of every tenant when nil.
    public func count(tenantID: String?) -> Int {
        counts.withLock { counts in
            if let tenantID { return counts.byTenant[tenantID] ?? 0 }
            return counts.byTransport.values.reduce(0, +)
        }
    }

    /// Open connections using `transport`.
    public func count(transport: Transport) -> Int {
        counts.withLock { $0.byTransport[transport] ?? 0 }
    }

    /// Whether `tenantID` may open one more connection under `limit` (nil: unlimited).
    public func hasRoom(tenantID: String, limit: Int?) -> Bool {
        guard let limit else { return true }
        return count(tenantID: tenantID) < limit
    }

    /// Runs `body` holding one of the tenant's slots; nil, without running `body`, when the
    /// tenant already has `limit` connections.
    public func withConnection<Result>(
        tenantID: String, transport: Transport, limit: Int?, _ body: () async throws -> Result
    ) async throws -> Result? {
        guard reserve(tenantID: tenantID, transport: transport, limit: limit) else { return nil }
        defer { release(tenantID: tenantID, transport: transport) }
        return try await body()
    }

    private func reserve(tenantID: String, transport: Transport, limit: Int?) -> Bool {
        let total: Int? = counts.withLock { counts in
            if let limit, counts.byTenant[tenantID, default: 0] >= limit { return nil }
            counts.byTenant[tenantID, default: 0] += 1
            counts.byTransport[transport, default: 0] += 1
            return counts.byTransport[transport]
        }
        guard let total else { return false }
        Self.report(total, transport)
        return true
    }

    private func release(tenantID: String, transport: Transport) {
        let total = counts.withLock { counts in
            counts.byTenant[tenantID, default: 1] -= 1
            if counts.byTenant[tenantID] == 0 { counts.byTenant[tenantID] = nil }
            counts.byTransport[transport, default: 1] -= 1
            return counts.byTransport[transport] ?? 0
        }
        Self.report(total, transport)
    }

    private static func report(_ total: Int, _ transport: Transport) {
        Gauge(label: gaugeName, dimensions: [("transport", transport.rawValue)]).record(total)
    }
}
