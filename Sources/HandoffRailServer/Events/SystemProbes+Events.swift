import Foundation
import HandoffRailService

extension SystemProbes {
    /// ``server(rateLimiter:startedAt:)`` plus the live-event connection counts of
    /// `eventConnections` (for `/stats` and `/system/health`).
    ///
    /// ```swift
    /// let connections = EventConnectionRegistry()
    /// let probes = SystemProbes.server(rateLimiter: limiter, eventConnections: connections)
    /// ```
    public static func server(
        rateLimiter: SlidingWindowRateLimiter, eventConnections: EventConnectionRegistry, startedAt: Date = Date()
    ) -> SystemProbes {
        var probes = server(rateLimiter: rateLimiter, startedAt: startedAt)
        probes.activeEventConnections = { tenantID in eventConnections.count(tenantID: tenantID) }
        return probes
    }
}
