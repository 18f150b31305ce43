import Metrics

/// The business metrics the service reports, through the swift-metrics API only.
///
/// The service does not know where metrics go: the server bootstraps swift-metrics with a
/// Prometheus factory and exposes the families at `/metrics`; without a bootstrap every call
/// is a no-op. A test that needs exact counts gives the service its own factory (e.g.
/// `MetricsTestKit.TestMetrics`), which no other test shares. Names are the reference's
/// (PROTOCOL.md "Health"), so existing dashboards keep working.
///
/// ```swift
/// let metrics = ServiceMetrics()            // the bootstrapped factory, read at each call
/// metrics.handoff(event: "created")
/// let counted = ServiceMetrics(factory: TestMetrics())
/// ```
public struct ServiceMetrics: Sendable {
    /// Metric names, shared with the server, which registers every family up front so
    /// `/metrics` lists them even before the first sample.
    public enum Name {
        public static let handoffs = "handoffrail_handoffs_total"
        public static let apiKeyOperations = "handoffrail_api_key_operations_total"
        public static let webhookDeliveries = "handoffrail_webhook_deliveries_total"
        public static let webhookDLQSize = "handoffrail_webhook_dlq_size"
        public static let hitlCheckpoints = "handoffrail_hitl_checkpoints_total"
        public static let hitlResponses = "handoffrail_hitl_responses_total"
        public static let chainDepth = "handoffrail_chain_depth"
        public static let packetStatusCount = "handoffrail_packet_status_count"
        public static let rulesApplied = "handoffrail_rules_applied_total"
    }

    /// The factory given at init; `nil` means `MetricsSystem.factory` at the time of each call
    /// (so a service made before the bootstrap still reports to it).
    private let factory: (any MetricsFactory)?

    /// Metrics reported to `factory`, or to the bootstrapped factory when `nil`.
    public init(factory: (any MetricsFactory)? = nil) {
        self.factory = factory
    }

    /// A packet lifecycle event (`created`, `claimed`, `completed`, `expired`, …).
    public func handoff(event: String) {
        counter(Name.handoffs, [("event", event)]).increment()
    }

    /// An API key operation (`created`, `revoked`, `rotated`).
    public func apiKeyOperation(_ operation: String) {
        counter(Name.apiKeyOperations, [("operation", operation)]).increment()
    }

    /// A packet that asks for a human (created with `hitl.required`, or moved to `awaiting_human`).
    public func hitlCheckpoint() {
        counter(Name.hitlCheckpoints, []).increment()
    }

    /// A human answer recorded with `respond`.
    public func hitlResponse() {
        counter(Name.hitlResponses, []).increment()
    }

    /// The depth of a chain when a child packet is created (1 for a child of a root packet).
    public func chainDepth(_ depth: Int) {
        let factory = factory ?? MetricsSystem.factory
        Recorder(label: Name.chainDepth, dimensions: [], aggregate: true, factory: factory).record(depth)
    }

    /// One webhook delivery attempt and its outcome (`delivered`, `failed`, `dead_letter`).
    public func webhookDelivery(status: String) {
        counter(Name.webhookDeliveries, [("status", status)]).increment()
    }

    /// The current number of dead letters.
    public func webhookDLQSize(_ size: Int) {
        Gauge(label: Name.webhookDLQSize, dimensions: [], factory: factory ?? MetricsSystem.factory).record(size)
    }

    /// A handoff rule took effect `count` times: `force_transfer` for each packet committed with
    /// its new target, `block_claim` for each refused claim.
    public func ruleApplied(action: String, count: Int = 1) {
        counter(Name.rulesApplied, [("action", action)]).increment(by: count)
    }

    private func counter(_ label: String, _ dimensions: [(String, String)]) -> Counter {
        Counter(label: label, dimensions: dimensions, factory: factory ?? MetricsSystem.factory)
    }
}
