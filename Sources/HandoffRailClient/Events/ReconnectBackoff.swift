import Foundation

/// The delay before each reconnect of an event stream (SSE here, WebSocket in
/// `HandoffRailClientWebSocket`): exponential from a base (the server's SSE `retry:` when it
/// sent one, else the configured initial delay), capped, with "equal jitter" — half the delay
/// fixed, half random — so clients spread out after an outage but never hammer the server with
/// near-zero waits.
///
/// ```swift
/// let backoff = ReconnectBackoff(initial: .seconds(1), maximum: .seconds(30))
/// backoff.delay(attempt: 3)                             // between 2 s and 4 s
/// backoff.delay(attempt: 1, serverRetry: .seconds(5))   // between 2.5 s and 5 s
/// ```
package struct ReconnectBackoff: Sendable {
    package var initial: Duration
    package var maximum: Duration

    package init(initial: Duration, maximum: Duration) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The delay before reconnect number `attempt` (1 = the first after a success).
    /// `serverRetry` is the SSE server's `retry:` hint; transports without one leave it out.
    package func delay(attempt: Int, serverRetry: Duration? = nil, random: (ClosedRange<Double>) -> Double = { Double.random(in: $0) }) -> Duration {
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
