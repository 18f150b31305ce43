import Foundation
import HandoffRailService

/// Reads the webhook dispatcher's settings from the environment, for ``ServeConfiguration``.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `HANDOFFRAIL_WEBHOOK_RETRY_SCHEDULE` | `1s,5s,30s,5m,1h,6h` | waits before each retry; then the DLQ |
/// | `HANDOFFRAIL_WEBHOOK_TIMEOUT` | `10s` | deadline of one delivery request |
/// | `HANDOFFRAIL_WEBHOOK_CONNECT_TIMEOUT` | `5s` | deadline of connecting |
/// | `HANDOFFRAIL_WEBHOOK_POLL_INTERVAL` | `1s` | queue look-ups when no commit wakes the dispatcher |
/// | `HANDOFFRAIL_WEBHOOK_BATCH_SIZE` | `32` | deliveries leased and sent concurrently |
///
/// Durations are seconds (`"2.5"`) or a number with `ms`, `s`, `m`, `h`, `d`.
enum WebhookDispatcherSettings {
    static func resolve(environment: [String: String]) throws(ServeConfigurationError) -> WebhookDispatcherConfiguration {
        var configuration = WebhookDispatcherConfiguration()
        if let text = environment["HANDOFFRAIL_WEBHOOK_RETRY_SCHEDULE"] {
            do {
                configuration.retrySchedule = try WebhookRetrySchedule(parsing: text)
            } catch {
                throw ServeConfigurationError("HANDOFFRAIL_WEBHOOK_RETRY_SCHEDULE must be a comma-separated list of durations, like 1s,5s,30s,5m,1h,6h")
            }
        }
        if let timeout = try duration("HANDOFFRAIL_WEBHOOK_TIMEOUT", in: environment, positive: true) {
            configuration.requestTimeout = timeout
        }
        if let timeout = try duration("HANDOFFRAIL_WEBHOOK_CONNECT_TIMEOUT", in: environment, positive: true) {
            configuration.connectTimeout = timeout
        }
        if let interval = try duration("HANDOFFRAIL_WEBHOOK_POLL_INTERVAL", in: environment, positive: true) {
            configuration.pollInterval = interval
        }
        if let text = environment["HANDOFFRAIL_WEBHOOK_BATCH_SIZE"] {
            guard let size = Int(text.trimmingCharacters(in: .whitespaces)), (1...1_000).contains(size) else {
                throw ServeConfigurationError("HANDOFFRAIL_WEBHOOK_BATCH_SIZE must be an integer from 1 to 1000")
            }
            configuration.batchSize = size
        }
        return configuration
    }

    /// The duration in variable `name`, nil when unset.
    static func duration(_ name: String, in environment: [String: String], positive: Bool) throws(ServeConfigurationError) -> TimeInterval? {
        guard let text = environment[name] else { return nil }
        guard let seconds = try? DurationText.seconds(text), !positive || seconds > 0 else {
            throw ServeConfigurationError("\(name) must be a \(positive ? "positive " : "")duration: seconds, or a number with ms, s, m, h or d")
        }
        return seconds
    }
}
