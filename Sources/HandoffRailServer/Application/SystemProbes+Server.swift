import Foundation
import HandoffRailModels
import HandoffRailService

extension SystemProbes {
    /// What the HTTP server knows for the service: the Prometheus exposition of this
    /// process's registry, the embedded spec for `/openapi.yaml`, and per-key request counts
    /// from the rate limiter for `/system/health`.
    ///
    /// ```swift
    /// let limiter = SlidingWindowRateLimiter()
    /// let service = HandoffRailService(store: store, probes: .server(rateLimiter: limiter))
    /// ```
    public static func server(rateLimiter: SlidingWindowRateLimiter, startedAt: Date = Date()) -> SystemProbes {
        HandoffRailMetrics.bootstrap()
        return SystemProbes(
            metricsText: { HandoffRailMetrics.exposition() },
            openAPIDocument: { SpecSchemas.specificationText },
            requestsLastHourPerKey: { rateLimiter.requestsLastHourPerKey() },
            startedAt: startedAt
        )
    }
}
