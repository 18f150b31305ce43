import HandoffRailServer
import Testing

@Suite("Sliding window rate limiter")
struct SlidingWindowRateLimiterTests {
    let time = ManualTime()
    let key = RateLimitSubject.key(id: "k1", tenantID: "t1")

    @Test("remaining goes down by exactly one per request, then 429 until a slot frees")
    func perMinute() {
        let limiter = SlidingWindowRateLimiter(clock: time.clock)
        let quota = RateLimitQuota(perMinute: 3, perHourForTenant: nil)
        var remaining: [Int] = []
        for _ in 0..<3 {
            let decision = limiter.admit(key, quota: quota)
            #expect(decision.allowed)
            remaining.append(decision.remaining)
            time.advance(by: 10)
        }
        #expect(remaining == [2, 1, 0])
        // t = 30: the first request (t = 0) leaves the window at t = 60.
        let refused = limiter.admit(key, quota: quota)
        #expect(!refused.allowed)
        #expect(refused.remaining == 0)
        #expect(refused.retryAfter == 30)
        #expect(refused.resetAt == 1_800_000_060)
        time.advance(by: 30)
        let again = limiter.admit(key, quota: quota)
        #expect(again.allowed, "the oldest request left the sliding window")
        #expect(again.remaining == 0)
        #expect(again.resetAt == 1_800_000_070, "the next slot frees when the t = 10 request leaves")
    }

    @Test("refused requests are not counted")
    func refusalsNotCounted() {
        let limiter = SlidingWindowRateLimiter(clock: time.clock)
        let quota = RateLimitQuota(perMinute: 1, perHourForTenant: nil)
        #expect(limiter.admit(key, quota: quota).allowed)
        for _ in 0..<5 { #expect(!limiter.admit(key, quota: quota).allowed) }
        time.advance(by: 60)
        #expect(limiter.admit(key, quota: quota).allowed)
        #expect(limiter.requestsLastHourPerKey() == ["k1": 2])
    }

    @Test("a tenant's hourly quota spans its keys; each key keeps its own minute")
    func tenantHour() throws {
        let limiter = SlidingWindowRateLimiter(clock: time.clock)
        let quota = RateLimitQuota(perMinute: 60, perHourForTenant: 3)
        let other = RateLimitSubject.key(id: "k2", tenantID: "t1")
        #expect(limiter.admit(key, quota: quota).allowed)
        #expect(limiter.admit(other, quota: quota).allowed)
        #expect(limiter.admit(key, quota: quota).remaining == 58)
        let refused = limiter.admit(other, quota: quota)
        #expect(!refused.allowed)
        let retryAfter = try #require(refused.retryAfter)
        #expect(retryAfter > 60, "the hour frees when the first minute leaves it")
        #expect(limiter.admit(.key(id: "k3", tenantID: "t2"), quota: quota).allowed, "other tenants are not affected")
        time.advance(by: 3_600)
        #expect(limiter.admit(other, quota: quota).allowed)
    }

    @Test("peek reports without counting; clients are counted per address")
    func peekAndClients() {
        let limiter = SlidingWindowRateLimiter(clock: time.clock)
        let quota = RateLimitQuota(perMinute: 2, perHourForTenant: nil)
        #expect(limiter.peek(key, quota: quota).remaining == 2)
        #expect(limiter.peek(key, quota: quota).remaining == 2)
        #expect(limiter.admit(.client(address: "10.0.0.1"), quota: quota).remaining == 1)
        #expect(limiter.admit(.client(address: "10.0.0.2"), quota: quota).remaining == 1)
        #expect(limiter.admit(.client(address: "10.0.0.1"), quota: quota).remaining == 0)
        #expect(limiter.requestsLastHourPerKey().isEmpty, "clients are not keys")
    }

    @Test("a lower limit after a tier change applies at once")
    func limitChange() {
        let limiter = SlidingWindowRateLimiter(clock: time.clock)
        for _ in 0..<3 { #expect(limiter.admit(key, quota: RateLimitQuota(perMinute: 10, perHourForTenant: nil)).allowed) }
        #expect(!limiter.admit(key, quota: RateLimitQuota(perMinute: 3, perHourForTenant: nil)).allowed)
        #expect(limiter.admit(key, quota: RateLimitQuota(perMinute: 5, perHourForTenant: nil)).remaining == 1)
    }
}
