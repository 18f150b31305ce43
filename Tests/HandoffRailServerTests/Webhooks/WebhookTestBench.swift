import Foundation
import HandoffRailModels
import HandoffRailServer
import HandoffRailService
import HandoffRailStorage
import HandoffRailStorageSQLite
import Logging
import ServiceLifecycle

/// A service on a fresh SQLite database with one business-tier tenant, and helpers to
/// register hooks, create packets and run the dispatcher (and sweeper) as `Service`s.
struct WebhookTestBench {
    static let secret = "whsec-test-secret-0123456789"

    let store: SQLiteStore
    let service: HandoffRailService
    let tenantID: String

    init(allowPrivateTargets: Bool = true, clock: ServiceClock = .system) async throws {
        store = try SQLiteStore.temporary()
        tenantID = "tenant-\(UUID().uuidString.prefix(8).lowercased())"
        let now = Date()
        try await store.insertTenant(Tenant(id: tenantID, name: tenantID, tier: .business, createdAt: now, updatedAt: now))
        service = HandoffRailService(
            store: store, configuration: ServiceConfiguration(allowPrivateWebhookTargets: allowPrivateTargets), clock: clock)
    }

    func caller(_ role: Role = .admin) -> APICaller {
        APICaller(tenantID: tenantID, keyID: "key-\(role.rawValue)", role: role, tier: .business)
    }

    /// Registers a hook through the service (SSRF rules included); returns its id.
    func registerHook(url: String, events: [WebhookEventType] = [.packetCreated]) async throws -> UUID {
        guard case .created(let hook) = try await service.createHook(
            .init(body: WebhookCreate(url: url, events: events, secret: Self.secret)), caller: caller()) else {
            throw WebhookTestFailure("createHook did not answer 201")
        }
        return hook.id
    }

    @discardableResult
    func createPacket(summary: String = "Refund invoice INV-1042", hitl: HitlCheckpoint? = nil) async throws -> Packet {
        let create = PacketCreate(
            metadata: Metadata(sourceAgent: AgentInfo(id: "triage-01", name: "Triage"), targetAgent: TargetAgentInfo(id: "billing-01", name: "Billing")),
            context: PacketContext(summary: summary), hitl: hitl)
        guard case .created(let packet) = try await service.createPacket(.init(body: create), caller: caller()) else {
            throw WebhookTestFailure("createPacket did not answer 201")
        }
        return packet
    }

    func deliveries(hookID: UUID, status: DeliveryStatus? = nil) async throws -> [WebhookDelivery] {
        try await store.deliveries(hookID: hookID, tenantID: tenantID, status: status, limit: 200, offset: 0).rows
    }

    /// Waits (polling) until `condition` holds for the hook's deliveries, at most `timeout`.
    @discardableResult
    func waitForDeliveries(hookID: UUID, timeout: Duration = .seconds(30), until condition: ([WebhookDelivery]) -> Bool) async throws -> [WebhookDelivery] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let rows = try await deliveries(hookID: hookID)
            if condition(rows) { return rows }
            try await Task.sleep(for: .milliseconds(25))
        }
        return try await deliveries(hookID: hookID)
    }

    /// A dispatcher configuration for tests: `schedule`, short timeouts, fast polling.
    static func fastDispatch(_ schedule: [TimeInterval], timeout: TimeInterval = 5) -> WebhookDispatcherConfiguration {
        WebhookDispatcherConfiguration(
            retrySchedule: WebhookRetrySchedule(delays: schedule), requestTimeout: timeout, connectTimeout: 2, pollInterval: 0.05)
    }

    /// Runs `services` in a `ServiceGroup` around `body`, then shuts them down gracefully.
    func running<Value: Sendable>(_ services: [any Service], _ body: () async throws -> Value) async throws -> Value {
        var logger = Logger(label: "webhook-test-group")
        logger.logLevel = .error
        let group = ServiceGroup(services: services, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                let value = try await body()
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return value
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }
}
