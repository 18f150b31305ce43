import Foundation

/// How a ``HandoffRailClient`` talks to the server: timeouts, retries and the user agent.
///
/// The defaults suit an agent talking to a nearby server; a batch job may raise
/// ``maxRetries``, a latency-sensitive caller may lower ``timeout``.
///
/// ```swift
/// var configuration = HandoffRailClientConfiguration()
/// configuration.timeout = 10
/// configuration.maxRetries = 5
/// let client = HandoffRailClient(baseURL: url, apiKey: key, configuration: configuration)
/// ```
public struct HandoffRailClientConfiguration: Sendable, Hashable {
    /// Seconds before one attempt times out (thrown as ``HandoffRailError/Kind/timeout``).
    public var timeout: TimeInterval
    /// Retries after the first attempt, for failures that are safe to retry: no answer or
    /// 502/503/504 for idempotent requests (GET, HEAD, PUT, DELETE, OPTIONS, or anything
    /// carrying an `Idempotency-Key`), and 429 for any request.
    public var maxRetries: Int
    /// The first retry's delay in seconds; each further retry doubles it, with jitter
    /// (a random 50–100 % of the doubled value) so many clients do not retry in step.
    public var retryBaseDelay: TimeInterval
    /// The longest `Retry-After` a 429 may ask for and still be waited out; a longer one
    /// (the daily quota asks to wait until midnight UTC) is thrown at once as `.rateLimited`.
    public var maxRetryAfter: TimeInterval
    /// Sent as `User-Agent`.
    public var userAgent: String

    /// Defaults: 30 s timeout, 3 retries from 0.5 s, 429 waits of up to 60 s.
    public init(
        timeout: TimeInterval = 30,
        maxRetries: Int = 3,
        retryBaseDelay: TimeInterval = 0.5,
        maxRetryAfter: TimeInterval = 60,
        userAgent: String = HandoffRailClientConfiguration.defaultUserAgent
    ) {
        self.timeout = timeout
        self.maxRetries = maxRetries
        self.retryBaseDelay = retryBaseDelay
        self.maxRetryAfter = maxRetryAfter
        self.userAgent = userAgent
    }

    /// `handoffrail-swift/<SDK version>`.
    public static let defaultUserAgent = "handoffrail-swift/\(sdkVersion)"

    /// The SDK's version, sent in the default user agent.
    public static let sdkVersion = "1.0.0"
}
