import Foundation

/// Settings of the webhook dispatcher (`handoffrail serve` reads them from the environment,
/// see `ServeConfiguration`).
///
/// ```swift
/// var configuration = WebhookDispatcherConfiguration()
/// configuration.retrySchedule = try WebhookRetrySchedule(parsing: "200ms,500ms")
/// configuration.requestTimeout = 2
/// ```
public struct WebhookDispatcherConfiguration: Sendable, Hashable {
    /// Waits between attempts; after the last one, the dead-letter queue.
    public var retrySchedule: WebhookRetrySchedule
    /// The whole request (connect, send, answer) must finish within this many seconds, or
    /// the attempt failed (and is retried).
    public var requestTimeout: TimeInterval
    /// Connecting alone must finish within this many seconds.
    public var connectTimeout: TimeInterval
    /// How often the queue is looked at when no commit wakes the dispatcher earlier.
    public var pollInterval: TimeInterval
    /// At most this many deliveries are leased, and sent concurrently, at a time.
    public var batchSize: Int

    public init(
        retrySchedule: WebhookRetrySchedule = .standard,
        requestTimeout: TimeInterval = 10,
        connectTimeout: TimeInterval = 5,
        pollInterval: TimeInterval = 1,
        batchSize: Int = 32
    ) {
        self.retrySchedule = retrySchedule
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.pollInterval = pollInterval
        self.batchSize = batchSize
    }

    /// How long leased deliveries stay out of the queue: twice the request timeout plus 5 s,
    /// so a live dispatcher always records its outcome first, and a crashed one's deliveries
    /// come due again soon after.
    public var leaseDuration: TimeInterval {
        2 * requestTimeout + 5
    }
}
