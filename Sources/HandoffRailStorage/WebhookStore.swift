import Foundation
import HandoffRailModels

/// Webhook registrations and their deliveries.
public protocol WebhookStore: Sendable {
    /// Inserts a hook. When `maximumActiveHooks` is given, only if the tenant has fewer
    /// active hooks (same transaction); returns false otherwise.
    func insertHook(_ hook: StoredWebhook, maximumActiveHooks: Int?) async throws -> Bool

    /// The tenant's hooks, active and inactive, oldest first.
    func hooks(tenantID: String) async throws -> [StoredWebhook]

    /// One hook of a tenant.
    func hook(id: UUID, tenantID: String) async throws -> StoredWebhook?

    /// Deactivates an active hook; false when it was already inactive or does not exist.
    func deactivateHook(id: UUID, tenantID: String) async throws -> Bool

    /// Active hooks: of one tenant, or of all when nil.
    func activeHookCount(tenantID: String?) async throws -> Int

    /// Deliveries of one hook, newest first, optionally of one status.
    func deliveries(hookID: UUID, tenantID: String, status: DeliveryStatus?, limit: Int, offset: Int) async throws -> Page<WebhookDelivery>

    /// The tenant's dead letters (deliveries with status `dead`), newest first.
    func deadLetters(tenantID: String, limit: Int, offset: Int) async throws -> Page<WebhookDelivery>

    /// Puts one dead letter back to `pending` (due now, attempts reset); nil when the tenant
    /// has no dead letter with this id.
    func replayDeadLetter(id: UUID, tenantID: String, at date: Date) async throws -> WebhookDelivery?

    /// Puts every dead letter (of one tenant, or all when nil) back to `pending`; returns how many.
    func retryAllDeadLetters(tenantID: String?, at date: Date) async throws -> Int

    /// Delivery counts since `since` (all tenants), for `/system/health`.
    func deliveryStatistics(since: Date) async throws -> DeliveryStatistics
}

/// A webhook row. The secret is kept to sign deliveries and never returned by the API.
public struct StoredWebhook: Sendable, Hashable {
    public var id: UUID
    public var tenantID: String
    public var url: String
    public var events: [WebhookEventType]
    public var secret: String
    public var active: Bool
    public var createdAt: Date

    public init(id: UUID, tenantID: String, url: String, events: [WebhookEventType], secret: String, active: Bool = true, createdAt: Date) {
        self.id = id
        self.tenantID = tenantID
        self.url = url
        self.events = events
        self.secret = secret
        self.active = active
        self.createdAt = createdAt
    }
}

/// Recent delivery counts.
public struct DeliveryStatistics: Sendable, Hashable {
    public var recent: Int
    public var failed: Int
    public var averageLatencyMs: Double?
    /// Dead letters now (all tenants).
    public var deadLetters: Int

    public init(recent: Int = 0, failed: Int = 0, averageLatencyMs: Double? = nil, deadLetters: Int = 0) {
        self.recent = recent
        self.failed = failed
        self.averageLatencyMs = averageLatencyMs
        self.deadLetters = deadLetters
    }
}

/// The JSON Schema registry.
public protocol SchemaStore: Sendable {
    func insertSchema(_ schema: RegisteredSchema) async throws
    func schema(id: UUID, tenantID: String) async throws -> RegisteredSchema?
    /// The tenant's schemas, oldest first.
    func schemas(tenantID: String, limit: Int, offset: Int) async throws -> Page<RegisteredSchema>
}
