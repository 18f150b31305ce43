import HTTPTypes

extension HTTPField.Name {
    /// `X-API-Key`: the caller's plain API key.
    static let apiKey = HTTPField.Name("X-API-Key")!
    /// `X-Request-ID`: the request's correlation id, echoed on the response.
    static let requestID = HTTPField.Name("X-Request-ID")!
    /// `Idempotency-Key`: replays the first answer of a retried create.
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    /// `Last-Event-ID`: where an SSE client resumes.
    static let lastEventID = HTTPField.Name("Last-Event-ID")!
    /// `X-RateLimit-Limit`: the per-minute limit.
    static let rateLimitLimit = HTTPField.Name("X-RateLimit-Limit")!
    /// `X-RateLimit-Remaining`: requests left in the current minute window.
    static let rateLimitRemaining = HTTPField.Name("X-RateLimit-Remaining")!
    /// `X-RateLimit-Reset`: unix seconds when the window frees a slot.
    static let rateLimitReset = HTTPField.Name("X-RateLimit-Reset")!
    /// `X-RateLimit-Tier`: the tier whose limits applied.
    static let rateLimitTier = HTTPField.Name("X-RateLimit-Tier")!
}
