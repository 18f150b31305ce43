/// The timestamps of the requests admitted in the last `window` seconds, oldest first, in a
/// ring buffer that never holds more than the limit: the exact sliding-log algorithm, so
/// `X-RateLimit-Remaining` goes down by exactly one per request.
struct SlidingLog: Sendable {
    private var times: [Double] = []
    private var head = 0
    private(set) var count = 0

    /// Forgets the requests older than `window` seconds before `now`.
    mutating func expire(before now: Double, window: Double) {
        while count > 0, times[head] <= now - window {
            head = (head + 1) % times.count
            count -= 1
        }
    }

    /// The oldest timestamp still in the window.
    var oldest: Double? { count > 0 ? times[head] : nil }

    /// Records `now`; the caller checked `count < capacity`. Grows or re-packs the ring when
    /// the limit changed (a tenant moved to another tier).
    mutating func append(_ now: Double, capacity: Int) {
        if count == times.count {
            // Full: grow geometrically, bounded by the limit, so memory follows actual use
            // rather than the configured limit (a limit of 10⁸ must not reserve 800 MB).
            let grown = max(count + 1, min(max(capacity, count + 1), max(16, times.count * 2)))
            let kept = (0..<count).map { times[(head + $0) % times.count] }
            times = kept + Array(repeating: 0, count: grown - kept.count)
            head = 0
        }
        times[(head + count) % times.count] = now
        count += 1
    }
}
