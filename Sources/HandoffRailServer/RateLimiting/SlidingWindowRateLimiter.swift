import Foundation
import HandoffRailService
import Synchronization

/// The in-process ``RateLimiter``: an exact sliding 60-second log per key or client address
/// and a sliding hour per tenant at one-minute granularity (``MinuteBuckets``).
///
/// Memory stays bounded: a key's log holds at most its per-minute limit, a tenant's hour is
/// 60 counters, and idle entries are pruned once a minute (clients after a minute, keys and
/// tenants after an hour). Refused requests are not counted, so a client that keeps retrying
/// gets in as soon as the window frees a slot.
///
/// ```swift
/// let limiter = SlidingWindowRateLimiter()
/// let decision = limiter.admit(.key(id: "k1", tenantID: "t1"), quota: .init(perMinute: 60, perHourForTenant: 100))
/// ```
public final class SlidingWindowRateLimiter: RateLimiter {
    private struct KeyEntry {
        var window = SlidingLog()
        var hour = MinuteBuckets()
        var lastSeen: Double = 0
    }

    private struct ClientEntry {
        var window = SlidingLog()
        var lastSeen: Double = 0
    }

    private struct TenantEntry {
        var hour = MinuteBuckets()
        var lastSeen: Double = 0
    }

    private struct State {
        var keys: [String: KeyEntry] = [:]
        var clients: [String: ClientEntry] = [:]
        var tenants: [String: TenantEntry] = [:]
        var lastPrune: Double = 0
    }

    private static let window: Double = 60
    private let state = Mutex(State())
    private let clock: ServiceClock

    /// A limiter reading time from `clock` (tests move a manual clock instead of sleeping).
    public init(clock: ServiceClock = .system) {
        self.clock = clock
    }

    public func admit(_ subject: RateLimitSubject, quota: RateLimitQuota) -> RateLimitDecision {
        decide(subject, quota: quota, count: true)
    }

    public func peek(_ subject: RateLimitSubject, quota: RateLimitQuota) -> RateLimitDecision {
        decide(subject, quota: quota, count: false)
    }

    public func requestsLastHourPerKey() -> [String: Int] {
        let now = clock.now().timeIntervalSince1970
        return state.withLock { state in
            state.keys.compactMapValues { entry in
                let total = entry.hour.total(at: now)
                return total > 0 ? total : nil
            }
        }
    }

    private func decide(_ subject: RateLimitSubject, quota: RateLimitQuota, count: Bool) -> RateLimitDecision {
        let now = clock.now().timeIntervalSince1970
        let limit = max(quota.perMinute, 0)
        return state.withLock { state in
            if count, now - state.lastPrune >= Self.window { Self.prune(&state, now: now) }
            switch subject {
            case .key(let id, let tenantID):
                var entry = state.keys[id] ?? KeyEntry()
                var tenant = state.tenants[tenantID] ?? TenantEntry()
                entry.window.expire(before: now, window: Self.window)
                var hourWait: Double?
                if let hourly = quota.perHourForTenant, tenant.hour.total(at: now) >= hourly {
                    hourWait = tenant.hour.secondsUntilOldestExpires(at: now)
                }
                let decision = Self.decide(&entry.window, limit: limit, now: now, count: count && hourWait == nil, extraWait: hourWait)
                if count {
                    entry.lastSeen = now
                    tenant.lastSeen = now
                    if decision.allowed {
                        entry.hour.record(at: now)
                        tenant.hour.record(at: now)
                    }
                    state.keys[id] = entry
                    state.tenants[tenantID] = tenant
                }
                return decision
            case .client(let address):
                var entry = state.clients[address] ?? ClientEntry()
                entry.window.expire(before: now, window: Self.window)
                let decision = Self.decide(&entry.window, limit: limit, now: now, count: count, extraWait: nil)
                if count {
                    entry.lastSeen = now
                    state.clients[address] = entry
                }
                return decision
            }
        }
    }

    /// The sliding-window decision; `extraWait` refuses the request for another reason (the
    /// tenant's hour is full) and says how long that lasts.
    private static func decide(_ log: inout SlidingLog, limit: Int, now: Double, count: Bool, extraWait: Double?) -> RateLimitDecision {
        let windowFull = log.count >= limit
        if windowFull || extraWait != nil {
            let windowWait = windowFull ? (log.oldest.map { $0 + window - now } ?? window) : 0
            let wait = max(windowWait, extraWait ?? 0)
            return RateLimitDecision(
                allowed: false, limit: limit, remaining: 0,
                resetAt: Int((now + wait).rounded(.up)), retryAfter: max(1, Int(wait.rounded(.up))))
        }
        if count { log.append(now, capacity: limit) }
        let remaining = max(0, limit - log.count)
        let resetAt = Int(((log.oldest ?? now) + window).rounded(.up))
        return RateLimitDecision(allowed: true, limit: limit, remaining: remaining, resetAt: resetAt, retryAfter: nil)
    }

    private static func prune(_ state: inout State, now: Double) {
        state.lastPrune = now
        state.clients = state.clients.filter { now - $0.value.lastSeen < window }
        state.keys = state.keys.filter { now - $0.value.lastSeen < 3600 }
        state.tenants = state.tenants.filter { now - $0.value.lastSeen < 3600 }
    }
}
