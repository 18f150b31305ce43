import Foundation
import HandoffRailModels

/// The webhook delivery queue, as the dispatcher works it: lease what is due, record how
/// each attempt went.
///
/// Deliveries are written by ``PacketStore/commit(_:idempotency:creationLimit:)`` in the state
/// change's transaction (status `pending`, due at once). A dispatcher leases a batch, sends
/// the requests, and records each outcome under the lease it holds.
///
/// Leasing is how several instances share the queue without sending the same attempt twice
/// at once: a lease moves the rows' `next_retry_at` to the lease's end and stamps them with a
/// fresh token, in one statement. Whoever crashes mid-delivery leaves rows that simply come
/// due again when the lease ends (at-least-once). On PostgreSQL the candidate rows are picked
/// with `SELECT … FOR UPDATE SKIP LOCKED` inside the leasing `UPDATE`, so concurrent
/// dispatchers take disjoint batches; SQLite has one writer, which gives the same guarantee.
///
/// ```swift
/// let lease = DeliveryLease(token: UUID(), until: now + 60)
/// for delivery in try await store.leaseDueDeliveries(now: now, lease: lease, limit: 32) {
///     let outcome = try await send(delivery)
///     _ = try await store.recordDeliveryAttempt(outcome, deliveryID: delivery.id, lease: lease)
/// }
/// ```
public protocol DeliveryQueueStore: Sendable {
    /// Leases up to `limit` deliveries that are due (`pending` or `failed`, `next_retry_at ≤ now`),
    /// earliest due first, with their hook's URL and secret.
    func leaseDueDeliveries(now: Date, lease: DeliveryLease, limit: Int) async throws -> [LeasedDelivery]

    /// Records the outcome of one attempt and releases the lease: `attempts` grows by one and
    /// the row becomes `delivered`, `failed` (due again at the retry time) or `dead_letter`.
    ///
    /// - Returns: false when the row is no longer held under `lease` (its lease ran out and
    ///   another dispatcher took it, or it was replayed); nothing is written then.
    func recordDeliveryAttempt(_ attempt: DeliveryAttempt, deliveryID: UUID, lease: DeliveryLease) async throws -> Bool

    /// The earliest `next_retry_at` of a delivery waiting to be sent, or nil when none waits.
    func nextDeliveryDue() async throws -> Date?

    /// The number of dead letters of all tenants (the `handoffrail_webhook_dlq_size` gauge).
    func deadLetterCount() async throws -> Int
}

/// A dispatcher's hold on the rows it leased.
public struct DeliveryLease: Sendable, Hashable {
    /// Stamped on the leased rows; an outcome is recorded only under the same token.
    public var token: UUID
    /// When the rows come due again if no outcome is recorded (a crash, a hung request).
    public var until: Date

    public init(token: UUID = UUID(), until: Date) {
        self.token = token
        self.until = until
    }
}

/// A leased delivery with everything needed to send it.
public struct LeasedDelivery: Sendable, Hashable {
    /// Stable across retries: the `X-HR-Delivery` header.
    public var id: UUID
    public var hookID: UUID
    public var tenantID: String
    public var eventType: WebhookEventType
    /// The exact bytes to POST (and to sign): the event JSON written at commit time.
    public var payload: Data
    /// Attempts made before this one.
    public var attempts: Int
    public var url: String
    public var secret: String
    /// False when the hook was deactivated after the delivery was queued: it is not sent.
    public var hookActive: Bool
    public var createdAt: Date

    public init(id: UUID, hookID: UUID, tenantID: String, eventType: WebhookEventType, payload: Data, attempts: Int, url: String, secret: String, hookActive: Bool, createdAt: Date) {
        self.id = id
        self.hookID = hookID
        self.tenantID = tenantID
        self.eventType = eventType
        self.payload = payload
        self.attempts = attempts
        self.url = url
        self.secret = secret
        self.hookActive = hookActive
        self.createdAt = createdAt
    }
}

/// How one delivery attempt went, and what happens to the delivery next.
public struct DeliveryAttempt: Sendable, Hashable {
    /// The delivery's next state.
    public enum Next: Sendable, Hashable {
        /// A 2xx answer: done.
        case delivered
        /// Failed; try again at this time (status `failed`).
        case retry(at: Date)
        /// Failed for the last time (status `dead_letter`), until replayed.
        case deadLetter
    }

    public var next: Next
    /// When the attempt finished.
    public var finishedAt: Date
    /// The receiver's HTTP status, when it answered.
    public var responseStatus: Int?
    /// Why the attempt failed, in words safe to show the hook's owner (no secrets).
    public var error: String?
    /// How long the request took, in milliseconds.
    public var latencyMs: Double?

    public init(next: Next, finishedAt: Date, responseStatus: Int? = nil, error: String? = nil, latencyMs: Double? = nil) {
        self.next = next
        self.finishedAt = finishedAt
        self.responseStatus = responseStatus
        self.error = error
        self.latencyMs = latencyMs
    }
}
