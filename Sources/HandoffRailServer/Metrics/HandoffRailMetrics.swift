import HandoffRailService
import Metrics
import Prometheus

/// The process's Prometheus registry, behind swift-metrics, and the `/metrics` text.
///
/// `MetricsSystem.bootstrap` may run only once per process, while tests build many
/// applications: ``bootstrap()`` is idempotent (a lazily initialised global), and every
/// application renders the same registry.
///
/// ```swift
/// HandoffRailMetrics.bootstrap()
/// let text = HandoffRailMetrics.exposition()  // for SystemProbes.metricsText
/// ```
public enum HandoffRailMetrics {
    /// Request count, labelled `method`, `endpoint` (the route template) and `status`.
    public static let requestsTotal = "handoffrail_requests_total"
    /// Request duration histogram in seconds, labelled `method` and `endpoint`.
    public static let requestLatency = "handoffrail_request_latency_seconds"

    /// The registry every metric of this process lands in.
    public static let registry = PrometheusCollectorRegistry()

    /// The families `/metrics` always lists, with their Prometheus type, even before any sample.
    static let families: [(name: String, type: String)] = [
        (requestsTotal, "counter"),
        (requestLatency, "histogram"),
        (ServiceMetrics.Name.handoffs, "counter"),
        (ServiceMetrics.Name.apiKeyOperations, "counter"),
        (ServiceMetrics.Name.webhookDeliveries, "counter"),
        (ServiceMetrics.Name.webhookDLQSize, "gauge"),
        (ServiceMetrics.Name.hitlCheckpoints, "counter"),
        (ServiceMetrics.Name.hitlResponses, "counter"),
        (ServiceMetrics.Name.chainDepth, "histogram"),
        (ServiceMetrics.Name.packetStatusCount, "gauge"),
        (ServiceMetrics.Name.rulesApplied, "counter"),
    ]

    private static let bootstrapped: Bool = {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[requestLatency] = [
            .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .milliseconds(2500), .seconds(5),
        ]
        factory.valueHistogramBuckets[ServiceMetrics.Name.chainDepth] = [1, 2, 3, 5, 10, 20, 50, 100]
        MetricsSystem.bootstrap(factory)
        return true
    }()

    /// Routes swift-metrics into ``registry``; safe to call any number of times.
    public static func bootstrap() {
        _ = bootstrapped
    }

    /// The Prometheus text of ``registry``, followed by a `# TYPE` line for every family of
    /// ``families`` that has no sample yet (the registry only lists families with a sample).
    public static func exposition() -> String {
        var text = registry.emitToString()
        for family in families where !text.contains("# TYPE \(family.name) ") {
            text += "# TYPE \(family.name) \(family.type)\n"
        }
        return text
    }
}
