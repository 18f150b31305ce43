import HandoffRailModels

/// Who a request is counted against.
public enum RateLimitSubject: Sendable, Hashable {
    /// An authenticated key; its tenant's hourly quota applies too.
    case key(id: String, tenantID: String)
    /// An unauthenticated request, counted per client address.
    case client(address: String)
}

/// The limits that apply to one request.
public struct RateLimitQuota: Sendable, Hashable {
    /// Requests per sliding 60 seconds for the subject.
    public var perMinute: Int
    /// Requests per sliding hour for the key's tenant; `nil` is unlimited (and for clients).
    public var perHourForTenant: Int?

    /// A quota.
    public init(perMinute: Int, perHourForTenant: Int?) {
        self.perMinute = perMinute
        self.perHourForTenant = perHourForTenant
    }
}

/// What the limiter decided, with what the `X-RateLimit-*` headers report.
public struct RateLimitDecision: Sendable, Hashable {
    /// Whether the request may proceed (it was counted when `true`).
    public var allowed: Bool
    /// The per-minute limit (`X-RateLimit-Limit`).
    public var limit: Int
    /// Requests left in the current 60 s window after this one (`X-RateLimit-Remaining`).
    public var remaining: Int
    /// Unix seconds when the window frees a slot (`X-RateLimit-Reset`).
    public var resetAt: Int
    /// Whole seconds to wait when refused (`Retry-After`, at least 1).
    public var retryAfter: Int?

    /// A decision.
    public init(allowed: Bool, limit: Int, remaining: Int, resetAt: Int, retryAfter: Int?) {
        self.allowed = allowed
        self.limit = limit
        self.remaining = remaining
        self.resetAt = resetAt
        self.retryAfter = retryAfter
    }
}

/// Counts requests against per-key, per-tenant and per-client limits.
///
/// The in-process ``SlidingWindowRateLimiter`` fits one server instance; several instances
/// behind a load balancer need a shared implementation (for example over PostgreSQL), which
/// is why the calls are `async`.
public protocol RateLimiter: Sendable {
    /// Counts one request of `subject` when it fits `quota`; refuses it (uncounted) otherwise.
    func admit(_ subject: RateLimitSubject, quota: RateLimitQuota) async -> RateLimitDecision

    /// The state `subject` would see, without counting a request (for answers that are
    /// decided before rate limiting, such as a 403 for a role too low).
    func peek(_ subject: RateLimitSubject, quota: RateLimitQuota) async -> RateLimitDecision

    /// Admitted requests per key id over the last hour (`/system/health`'s
    /// `requests_last_1h_per_key`). Synchronous because ``SystemProbes`` reads it so.
    func requestsLastHourPerKey() -> [String: Int]
}
