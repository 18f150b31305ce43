import Foundation

/// How a ``HandoffRailClient`` talks to the server.
public struct HandoffRailClientConfiguration: Sendable, Hashable {
    /// Seconds before one request times out.
    public var timeout: TimeInterval
    /// Retries after the first attempt, for failures that are safe to retry.
    public var maxRetries: Int
    /// The first retry's delay in seconds; each further retry doubles it (with jitter).
    public var retryBaseDelay: TimeInterval
    /// Sent as `User-Agent`.
    public var userAgent: String

    /// Defaults: 30 s timeout, 3 retries from 0.5 s.
    public init(timeout: TimeInterval = 30, maxRetries: Int = 3, retryBaseDelay: TimeInterval = 0.5, userAgent: String = "handoffrail-swift") {
        self.timeout = timeout
        self.maxRetries = maxRetries
        self.retryBaseDelay = retryBaseDelay
        self.userAgent = userAgent
    }
}
