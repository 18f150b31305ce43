import Foundation
import HandoffRailModels
import HandoffRailStorage
import HandoffRailWebhooks
import Logging

/// Delivers the webhook outbox: leases due deliveries, POSTs each signed event to its hook,
/// and records the outcome — delivered on 2xx; otherwise retried on the
/// ``WebhookRetrySchedule`` and finally dead-lettered.
///
/// At-least-once: a delivery leaves the queue only when its outcome is recorded. A crash
/// between sending and recording leaves the row leased; the lease runs out and the delivery
/// is sent again (same `X-HR-Delivery` id), so receivers deduplicate on that id.
///
/// Every attempt re-checks the target against the SSRF rules (``DeliveryTarget``) and signs
/// anew (fresh `X-HR-Timestamp`). The server runs it as a `Service`
/// (`WebhookDispatcherService`); tests call ``dispatchDueDeliveries()`` directly.
///
/// ```swift
/// let dispatcher = WebhookDispatcher(store: store, sender: sender, policy: policy)
/// let sent = try await dispatcher.dispatchDueDeliveries()
/// ```
package struct WebhookDispatcher: Sendable {
    package let store: any HandoffRailStore
    package let sender: any WebhookSender
    package let policy: WebhookTargetPolicy
    package let configuration: WebhookDispatcherConfiguration
    package let clock: ServiceClock
    /// Where delivery outcomes and the dead-letter count are reported.
    package let metrics: ServiceMetrics
    let logger: Logger

    package init(
        store: any HandoffRailStore,
        sender: any WebhookSender,
        policy: WebhookTargetPolicy,
        configuration: WebhookDispatcherConfiguration = WebhookDispatcherConfiguration(),
        clock: ServiceClock = .system,
        metrics: ServiceMetrics = ServiceMetrics(),
        logger: Logger = Logger(label: "handoffrail.webhooks")
    ) {
        self.metrics = metrics
        self.store = store
        self.sender = sender
        self.policy = policy
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
    }

    /// One pass: leases up to `batchSize` due deliveries, sends them concurrently, records
    /// every outcome. Returns how many were leased.
    @discardableResult
    package func dispatchDueDeliveries() async throws -> Int {
        let now = clock.now()
        // A read first: most wake-ups (any commit announces) find nothing due, and a read
        // never takes SQLite's single writer away from request traffic.
        guard let due = try await store.nextDeliveryDue(), due <= now else { return 0 }
        let lease = DeliveryLease(until: now.addingTimeInterval(configuration.leaseDuration))
        let deliveries = try await store.leaseDueDeliveries(now: now, lease: lease, limit: configuration.batchSize)
        guard !deliveries.isEmpty else { return 0 }
        await withTaskGroup(of: Void.self) { group in
            for delivery in deliveries {
                group.addTask { await deliver(delivery, under: lease) }
            }
        }
        return deliveries.count
    }

    /// Reports the current dead-letter count to `handoffrail_webhook_dlq_size`.
    package func refreshDeadLetterGauge() async throws {
        metrics.webhookDLQSize(try await store.deadLetterCount())
    }

    /// Sends one delivery and records the outcome. When recording fails (the database is
    /// down), the error is logged and the row stays leased: it is sent again after the lease.
    private func deliver(_ delivery: LeasedDelivery, under lease: DeliveryLease) async {
        let attempt = await attempt(delivery)
        let recorded: Bool
        do {
            recorded = try await store.recordDeliveryAttempt(attempt, deliveryID: delivery.id, lease: lease)
        } catch {
            logger.error("Could not record a webhook delivery attempt", metadata: [
                "delivery_id": "\(delivery.id)", "error": "\(error)",
            ])
            return
        }
        let status: String = switch attempt.next {
        case .delivered: DeliveryStatus.delivered.rawValue
        case .retry: DeliveryStatus.failed.rawValue
        case .deadLetter: DeliveryStatus.deadLetter.rawValue
        }
        metrics.webhookDelivery(status: status)
        var metadata: Logger.Metadata = [
            "delivery_id": "\(delivery.id)", "hook_id": "\(delivery.hookID)", "tenant_id": "\(delivery.tenantID)",
            "attempt": "\(delivery.attempts + 1)", "outcome": "\(status)",
        ]
        if let error = attempt.error { metadata["error"] = "\(error)" }
        if !recorded {
            logger.notice("Webhook delivery outcome not recorded: the lease was lost", metadata: metadata)
        } else if case .delivered = attempt.next {
            logger.debug("Webhook delivered", metadata: metadata)
        } else {
            logger.info("Webhook delivery failed", metadata: metadata)
        }
    }

    /// Makes one attempt and decides what follows. Never throws: every failure is an outcome.
    package func attempt(_ delivery: LeasedDelivery) async -> DeliveryAttempt {
        guard delivery.hookActive else {
            return DeliveryAttempt(next: .deadLetter, finishedAt: clock.now(), error: "Webhook is inactive")
        }
        let started = ContinuousClock.now
        var responseStatus: Int?
        var failure: String
        do {
            let target = try await policy.deliveryTarget(for: delivery.url)
            let response = try await sender.send(request(for: delivery, to: target))
            if response.isSuccess {
                return DeliveryAttempt(
                    next: .delivered, finishedAt: clock.now(), responseStatus: response.status,
                    latencyMs: Self.milliseconds(since: started))
            }
            responseStatus = response.status
            failure = "Receiver answered HTTP \(response.status)"
        } catch let refused as DeliveryTargetRefused {
            failure = refused.reason
        } catch {
            failure = Self.describe(error)
        }
        let finished = clock.now()
        let next: DeliveryAttempt.Next = switch configuration.retrySchedule.next(afterFailedAttempt: delivery.attempts + 1, at: finished) {
        case .retry(let date): .retry(at: date)
        case .deadLetter: .deadLetter
        }
        return DeliveryAttempt(
            next: next, finishedAt: finished, responseStatus: responseStatus, error: failure,
            latencyMs: Self.milliseconds(since: started))
    }

    /// The signed POST of `delivery` to `target`.
    package func request(for delivery: LeasedDelivery, to target: DeliveryTarget) -> WebhookRequest {
        var headers: [(name: String, value: String)] = [
            ("Content-Type", "application/json"),
            ("User-Agent", "HandoffRail-Webhooks/1.0"),
            (WebhookHeaders.event, delivery.eventType.rawValue),
            (WebhookHeaders.delivery, delivery.id.uuidString.lowercased()),
        ]
        headers += WebhookSignature.headers(body: delivery.payload, secret: delivery.secret, at: clock.now())
        if let host = target.hostHeader { headers.append(("Host", host)) }
        return WebhookRequest(url: target.url, headers: headers, body: delivery.payload, timeout: configuration.requestTimeout)
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
    }

    /// A failure in words for the delivery's `error` column, at most 500 characters.
    private static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.count > 500 ? String(text.prefix(500)) + "…" : text
    }
}
