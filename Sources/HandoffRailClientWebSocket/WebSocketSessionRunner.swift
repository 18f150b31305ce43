import Foundation
import HandoffRailClient

/// The life of a WebSocket event session: connect, serve, and after each failure reconnect
/// with backoff — the controller resubscribes the session's current channels on every new
/// connection — until the task is cancelled or the session must end.
struct WebSocketSessionRunner: Sendable {
    let client: HandoffRailClient
    let attempt: WebSocketConnectionAttempt
    let options: WebSocketEventOptions

    /// Serves connections until the task is cancelled (returns) or the session must end
    /// (throws a ``HandoffRailError``: a refused key or initial channel at once, anything else
    /// once ``WebSocketEventOptions/maxReconnectAttempts`` failures in a row are used up).
    func run(emit: @escaping @Sendable (WebSocketEventMessage) -> Void) async throws {
        let backoff = ReconnectBackoff(initial: options.initialReconnectDelay, maximum: options.maxReconnectDelay)
        var failures = 0
        while !Task.isCancelled {
            let cause: HandoffRailError
            do {
                switch try await attempt.run(emit: emit) {
                case .ended(let error, let wasSynchronized):
                    cause = error
                    failures = wasSynchronized ? 1 : failures + 1
                case .upgradeRefused:
                    let diagnosis = await WebSocketUpgradeDiagnosis.diagnose(client, path: options.path)
                    if Task.isCancelled { return }
                    if diagnosis.isFatal { throw diagnosis.error }
                    cause = diagnosis.error
                    failures += 1
                }
            } catch let error as WebSocketFatalError {
                throw error.error
            } catch is CancellationError {
                return
            }
            if let maxReconnectAttempts = options.maxReconnectAttempts, failures > maxReconnectAttempts { throw cause }
            var delay = backoff.delay(attempt: failures)
            if let retryAfter = cause.retryAfter { delay = max(delay, .seconds(retryAfter)) }
            emit(.reconnecting(attempt: failures, delay: delay, cause: cause))
            do {
                try await Task.sleep(for: delay)
            } catch {
                return
            }
        }
    }
}
