import Metrics

/// The business metrics the service reports, through the swift-metrics API only.
///
/// The service does not know where metrics go: the server bootstraps swift-metrics with a
/// Prometheus factory and exposes the families at `/metrics`; in tests without a bootstrap
/// every call is a no-op. Names are the reference's (PROTOCOL.md "Health"), so existing
/// dashboards keep working.
///
/// ```swift
/// ServiceMetrics.handoff(event: "created")
/// if packet.hitl?.required == true { ServiceMetrics.hitlCheckpoint() }
/// ```
public enum ServiceMetrics {
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

    /// A packet lifecycle event (`created`, `claimed`, `completed`, `expired`, …).
    public static func handoff(event: String) {
        Counter(label: Name.handoffs, dimensions: [("event", event)]).increment()
    }

    /// An API key operation (`created`, `revoked`, `rotated`).
    public static func apiKeyOperation(_ operation: String) {
        Counter(label: Name.apiKeyOperations, dimensions: [("operation", operation)]).increment()
    }

    /// A packet that asks for a human (created with `hitl.required`, or moved to `awaiting_human`).
    public static func hitlCheckpoint() {
        Counter(label: Name.hitlCheckpoints).increment()
    }

    /// A human answer recorded with `respond`.
    public static func hitlResponse() {
        Counter(label: Name.hitlResponses).increment()
    }

    /// The depth of a chain when a child packet is created (1 for a child of a root packet).
    public static func chainDepth(_ depth: Int) {
        Recorder(label: Name.chainDepth, aggregate: true).record(depth)
    }

    /// One webhook delivery attempt and its outcome (`delivered`, `failed`, `dead_letter`).
    public static func webhookDelivery(status: String) {
        Counter(label: Name.webhookDeliveries, dimensions: [("status", status)]).increment()
    }

    /// The current number of dead letters.
    public static func webhookDLQSize(_ size: Int) {
        Gauge(label: Name.webhookDLQSize).record(size)
    }

    /// A handoff rule took effect: `force_transfer` for a packet committed with its new target
    /// (once per packet), `block_claim` for each refused claim.
    public static func ruleApplied(action: String) {
        Counter(label: Name.rulesApplied, dimensions: [("action", action)]).increment()
    }

    /// The current number of packets in `status`.
    public static func packetStatusCount(status: String, count: Int) {
        Gauge(label: Name.packetStatusCount, dimensions: [("status", status)]).record(count)
    }
}
