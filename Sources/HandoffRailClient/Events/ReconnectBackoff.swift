import Foundation

/// The delay before each reconnect of an event stream: exponential from a base (the
/// server's `retry:` when it sent one, else the configured initial delay), capped, with
/// "equal jitter" — half the delay fixed, half random — so clients spread out after an
/// outage but never hammer the server with near-zero waits.
///
/// ```swift
/// let backoff = ReconnectBackoff(initial: .seconds(1), maximum: .seconds(30))
/// backoff.delay(attempt: 3, serverRetry: nil)  // between 2 s and 4 s
/// ```
struct ReconnectBackoff: Sendable {
    var initial: Duration
    var maximum: Duration

    /// The delay before reconnect number `attempt` (1 = the first after a success).
    func delay(attempt: Int, serverRetry: Duration?, random: (ClosedRange<Double>) -> Double = { Double.random(in: $0) }) -> Duration {
        let base = serverRetry ?? initial
        // A server asking for more than our cap is obeyed; otherwise the cap applies.
        let cap = max(maximum, base)
        var full = base
        var doublings = max(attempt - 1, 0)
        while doublings > 0, full < cap {
            full = full * 2
            doublings -= 1
        }
        full = min(full, cap)
        return full / 2 + full / 2 * random(0...1)
    }
}
