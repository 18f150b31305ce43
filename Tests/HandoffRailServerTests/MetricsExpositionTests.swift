import HandoffRailServer
import HandoffRailService
import Testing

@Suite("Metrics exposition")
struct MetricsExpositionTests {
    static let families = [
        "handoffrail_requests_total", "handoffrail_request_latency_seconds", "handoffrail_handoffs_total",
        "handoffrail_api_key_operations_total", "handoffrail_webhook_deliveries_total", "handoffrail_webhook_dlq_size",
        "handoffrail_hitl_checkpoints_total", "handoffrail_hitl_responses_total", "handoffrail_chain_depth",
        "handoffrail_packet_status_count", "handoffrail_rules_applied_total",
    ]

    @Test("every family is listed once, with or without samples, and service metrics land in it")
    func families() {
        HandoffRailMetrics.bootstrap()
        HandoffRailMetrics.bootstrap()  // idempotent: tests build many applications
        let before = HandoffRailMetrics.exposition()
        for family in Self.families {
            #expect(before.components(separatedBy: "# TYPE \(family) ").count == 2, "\(family)")
        }
        ServiceMetrics().handoff(event: "exposition_test")
        ServiceMetrics().chainDepth(3)
        let after = HandoffRailMetrics.exposition()
        #expect(after.contains(#"handoffrail_handoffs_total{event="exposition_test"} 1"#))
        #expect(after.contains("handoffrail_chain_depth_count"))
        #expect(after.components(separatedBy: "# TYPE handoffrail_handoffs_total ").count == 2)
    }
}
