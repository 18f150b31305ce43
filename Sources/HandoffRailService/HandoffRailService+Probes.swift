import Foundation
import HandoffRailModels

/// The unauthenticated endpoints: liveness, readiness, Prometheus metrics and the spec.
extension HandoffRailService {
    /// The service name every probe answers with.
    static let serviceName = "handoffrail"

    /// `{"status":"ok","service":"handoffrail"}` while the process runs.
    public func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        .ok(HealthStatus(status: "ok", service: Self.serviceName))
    }

    /// Ready when the database answers a trivial query; 503 `not_ready` (`db: false`) otherwise.
    public func getReadiness(_ input: Operations.GetReadiness.Input) async throws -> Operations.GetReadiness.Output {
        do {
            try await store.ping()
            return .ok(ReadinessStatus(status: "ready", service: Self.serviceName, db: true))
        } catch {
            logger.warning("Readiness check failed: the database did not answer", metadata: ["error": "\(error)"])
            return .serviceUnavailable(ReadinessStatus(status: "not_ready", service: Self.serviceName, db: false))
        }
    }

    public func getMetrics(_ input: Operations.GetMetrics.Input) async throws -> Operations.GetMetrics.Output {
        .ok(probes.metricsText())
    }

    public func getOpenAPISpec(_ input: Operations.GetOpenAPISpec.Input) async throws -> Operations.GetOpenAPISpec.Output {
        .ok(probes.openAPIDocument())
    }
}
