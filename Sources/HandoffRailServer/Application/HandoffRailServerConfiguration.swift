import HandoffRailModels
import HandoffRailService
import Logging

/// How the HTTP server listens and which limits its middleware applies.
///
/// ```swift
/// var configuration = HandoffRailServerConfiguration()
/// configuration.port = 0  // any free port
/// configuration.tierLimits[.free]?.requestsPerMinutePerKey = 600
/// ```
public struct HandoffRailServerConfiguration: Sendable {
    /// The address to bind (`127.0.0.1`; `0.0.0.0` for every interface).
    public var host: String
    /// The port to bind; `0` picks a free one.
    public var port: Int
    /// Per-tier request rates and body sizes (the service's own configuration holds the same table).
    public var tierLimits: [Tier: TierLimits]
    /// The level of the one log line per request (server errors always log at `error`).
    public var requestLogLevel: Logger.Level
    /// Paths answered without authentication, rate limiting or `X-RateLimit-*` headers.
    public var exemptPaths: Set<String>
    /// The `Server` header / logger label.
    public var serverName: String

    /// A configuration; the defaults are the reference's.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        tierLimits: [Tier: TierLimits] = TierLimits.reference,
        requestLogLevel: Logger.Level = .info,
        exemptPaths: Set<String> = ["/health", "/ready", "/metrics", "/openapi.yaml"],
        serverName: String = "handoffrail"
    ) {
        self.host = host
        self.port = port
        self.tierLimits = tierLimits
        self.requestLogLevel = requestLogLevel
        self.exemptPaths = exemptPaths
        self.serverName = serverName
    }

    /// The limits of `tier` (the business tier's for an unknown tier, as the service does).
    func limits(for tier: Tier) -> TierLimits {
        tierLimits.limits(for: tier)
    }
}
