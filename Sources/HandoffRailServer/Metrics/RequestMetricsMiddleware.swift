import Hummingbird
import Metrics

/// Counts and times every request (`handoffrail_requests_total`,
/// `handoffrail_request_latency_seconds`).
///
/// The `endpoint` label is the matched route template (`/api/v1/packets/:packet_id`), or
/// `NotFound`, never the raw path, so label cardinality stays bounded by the spec.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            record(request, context: context, status: 500, since: start)
            throw error
        }
        record(request, context: context, status: Int(response.status.code), since: start)
        return response
    }

    private func record(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let method = request.method.rawValue
        let endpoint = context.endpointPath ?? "NotFound"
        Counter(
            label: HandoffRailMetrics.requestsTotal,
            dimensions: [("method", method), ("endpoint", endpoint), ("status", String(status))]
        ).increment()
        Metrics.Timer(label: HandoffRailMetrics.requestLatency, dimensions: [("method", method), ("endpoint", endpoint)])
            .record(duration: ContinuousClock.now - start)
    }
}
