import Foundation
import HandoffRailModels

/// Operator settings the service enforces: tier limits, the operator tenant, idempotency.
///
/// Defaults are the reference's (PROTOCOL.md "Tiers"); `handoffrail serve` fills them from
/// flags and the `HANDOFFRAIL_*` / `HR_*` environment.
public struct ServiceConfiguration: Sendable, Hashable {
    /// The tenant whose admins manage all tenants (the bootstrap tenant).
    public var operatorTenantID: String
    /// Per-tier limits.
    public var tierLimits: [Tier: TierLimits]
    /// `HR_DISABLE_DAILY_LIMIT=1`: no handoffs/day quota.
    public var dailyLimitDisabled: Bool
    /// How long an `Idempotency-Key` answer is replayed.
    public var idempotencyWindow: TimeInterval
    /// Webhook receivers on loopback/private addresses are allowed (tests, local setups).
    public var allowPrivateWebhookTargets: Bool
    /// Reported by `/system/health`.
    public var environment: String
    /// Reported by `/system/health`.
    public var version: String

    public init(
        operatorTenantID: String = "default",
        tierLimits: [Tier: TierLimits] = TierLimits.reference,
        dailyLimitDisabled: Bool = false,
        idempotencyWindow: TimeInterval = 24 * 3600,
        allowPrivateWebhookTargets: Bool = false,
        environment: String = "production",
        version: String = "0.3.0"
    ) {
        self.operatorTenantID = operatorTenantID
        self.tierLimits = tierLimits
        self.dailyLimitDisabled = dailyLimitDisabled
        self.idempotencyWindow = idempotencyWindow
        self.allowPrivateWebhookTargets = allowPrivateWebhookTargets
        self.environment = environment
        self.version = version
    }

    /// The limits of a tier (the business tier's for a tier this build does not know).
    public func limits(for tier: Tier) -> TierLimits {
        tierLimits.limits(for: tier)
    }
}

extension [Tier: TierLimits] {
    /// The limits of `tier` in this table: the table's business limits for a tier it does not
    /// list (one this build does not know), PROTOCOL.md's business limits as the last resort.
    public func limits(for tier: Tier) -> TierLimits {
        self[tier] ?? self[.business] ?? TierLimits.reference[.business]!
    }
}

/// The limits of one tier; `nil` means unlimited.
public struct TierLimits: Sendable, Hashable {
    public var handoffsPerDay: Int?
    public var requestsPerHour: Int?
    public var requestsPerMinutePerKey: Int
    public var maxPacketBytes: Int
    public var maxAPIKeys: Int?
    public var maxAgents: Int?
    public var maxWebhooks: Int?
    /// Open live-event connections (`/events` SSE plus `/ws` WebSocket) per tenant.
    public var maxEventConnections: Int?

    public init(handoffsPerDay: Int?, requestsPerHour: Int?, requestsPerMinutePerKey: Int, maxPacketBytes: Int, maxAPIKeys: Int?, maxAgents: Int?, maxWebhooks: Int?, maxEventConnections: Int? = nil) {
        self.handoffsPerDay = handoffsPerDay
        self.requestsPerHour = requestsPerHour
        self.requestsPerMinutePerKey = requestsPerMinutePerKey
        self.maxPacketBytes = maxPacketBytes
        self.maxAPIKeys = maxAPIKeys
        self.maxAgents = maxAgents
        self.maxWebhooks = maxWebhooks
        self.maxEventConnections = maxEventConnections
    }

    /// PROTOCOL.md's tier table (event connections, which it does not list: 5 / 50 / 500).
    public static let reference: [Tier: TierLimits] = [
        .free: TierLimits(handoffsPerDay: 5, requestsPerHour: 100, requestsPerMinutePerKey: 60, maxPacketBytes: 64 * 1024, maxAPIKeys: 1, maxAgents: 2, maxWebhooks: 0, maxEventConnections: 5),
        .pro: TierLimits(handoffsPerDay: nil, requestsPerHour: 1_000, requestsPerMinutePerKey: 60, maxPacketBytes: 256 * 1024, maxAPIKeys: 5, maxAgents: 10, maxWebhooks: 5, maxEventConnections: 50),
        .business: TierLimits(handoffsPerDay: nil, requestsPerHour: 10_000, requestsPerMinutePerKey: 60, maxPacketBytes: 1024 * 1024, maxAPIKeys: 25, maxAgents: 50, maxWebhooks: nil, maxEventConnections: 500),
    ]
}
