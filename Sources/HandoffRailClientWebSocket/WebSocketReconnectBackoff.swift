import Foundation

/// The delay before each reconnect of a WebSocket session: exponential from the initial
/// delay, capped, with "equal jitter" — half the delay fixed, half random — so clients spread
/// out after an outage but never hammer the server with near-zero waits. (The same policy as
/// the SSE stream's.)
///
/// ```swift
/// let backoff = WebSocketReconnectBackoff(initial: .seconds(1), maximum: .seconds(30))
/// backoff.delay(attempt: 3)  // between 2 s and 4 s
/// ```
struct WebSocketReconnectBackoff: Sendable {
    var initial: Duration
    var maximum: Duration

    /// The delay before reconnect number `attempt` (1 = the first after a success).
    func delay(attempt: Int, random: (ClosedRange<Double>) -> Double = { Double.random(in: $0) }) -> Duration {
        let cap = max(maximum, initial)
        var full = initial
        var doublings = max(attempt - 1, 0)
        while doublings > 0, full < cap {
            full = full * 2
            doublings -= 1
        }
        full = min(full, cap)
        return full / 2 + full / 2 * random(0...1)
    }
}
