import Foundation

/// Keeps one logical event stream alive across connections: connect, decode frames,
/// and on any end other than an authentication/permission refusal reconnect with backoff,
/// resuming from the last event id so the server replays what was missed.
///
/// ```swift
/// try await EventStreamSession(request: request, options: options).run { message in print(message) }
/// ```
struct EventStreamSession: Sendable {
    var request: EventStreamRequest
    var backoff: ReconnectBackoff
    var maxReconnectAttempts: Int?

    init(request: EventStreamRequest, options: EventStreamOptions) {
        self.request = request
        self.backoff = ReconnectBackoff(initial: options.initialReconnectDelay, maximum: options.maxReconnectDelay)
        self.maxReconnectAttempts = options.maxReconnectAttempts
    }

    /// Streams messages to `emit` until the task is cancelled (returns) or the stream must
    /// end (throws a ``HandoffRailError``: 401/403/other client errors at once, anything
    /// else once ``EventStreamOptions/maxReconnectAttempts`` failures in a row are used up).
    func run(_ emit: (EventStreamMessage) -> Void) async throws {
        var request = self.request
        var serverRetry: Duration?
        var failures = 0
        while !Task.isCancelled {
            let outcome = await EventStreamConnectionAttempt(request: request).run(emit)
            request.lastEventID = outcome.lastEventID
            serverRetry = outcome.serverRetry ?? serverRetry
            switch outcome.end {
            case .cancelled:
                return
            case .fatal(let error):
                throw error
            case .retryable(let error):
                failures = outcome.receivedFrames ? 1 : failures + 1
                if let maxReconnectAttempts, failures > maxReconnectAttempts { throw error }
                var delay = backoff.delay(attempt: failures, serverRetry: serverRetry)
                if let retryAfter = error.retryAfter { delay = max(delay, .seconds(retryAfter)) }
                emit(.reconnecting(attempt: failures, delay: delay, cause: error))
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    return  // cancelled while waiting
                }
            }
        }
    }
}
