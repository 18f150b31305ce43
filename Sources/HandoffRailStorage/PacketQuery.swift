import Foundation
import HandoffRailModels

/// A position in the newest-first packet order (`created_at DESC, id DESC`): the next page
/// starts strictly after it. The service encodes it as the opaque `next_cursor` string.
public struct PacketCursor: Sendable, Hashable {
    public var createdAt: Date
    public var id: UUID

    public init(createdAt: Date, id: UUID) {
        self.createdAt = createdAt
        self.id = id
    }
}

/// Filters of `GET /packets` (and `/packets/awaiting`). Every filter is optional; set
/// filters combine with AND.
public struct PacketQuery: Sendable, Hashable {
    public var tenantID: String
    /// Any of these statuses (empty: any status).
    public var statuses: [PacketStatus]
    public var sourceAgentID: String?
    public var targetAgentID: String?
    /// All of these tags.
    public var tags: [String]
    public var priority: Priority?
    public var hitlRequired: Bool?
    /// Inclusive lower bound on `created_at`.
    public var createdAfter: Date?
    /// Inclusive upper bound on `created_at`.
    public var createdBefore: Date?
    public var limit: Int
    public var offset: Int
    public var cursor: PacketCursor?

    public init(
        tenantID: String, statuses: [PacketStatus] = [], sourceAgentID: String? = nil, targetAgentID: String? = nil,
        tags: [String] = [], priority: Priority? = nil, hitlRequired: Bool? = nil, createdAfter: Date? = nil,
        createdBefore: Date? = nil, limit: Int = 50, offset: Int = 0, cursor: PacketCursor? = nil
    ) {
        self.tenantID = tenantID
        self.statuses = statuses
        self.sourceAgentID = sourceAgentID
        self.targetAgentID = targetAgentID
        self.tags = tags
        self.priority = priority
        self.hitlRequired = hitlRequired
        self.createdAfter = createdAfter
        self.createdBefore = createdBefore
        self.limit = limit
        self.offset = offset
        self.cursor = cursor
    }
}

/// `GET /packets/search`: full text over the summary and the context, ranked.
public struct PacketSearchQuery: Sendable, Hashable {
    public var tenantID: String
    /// The user's words; the store quotes them, so no search syntax leaks through.
    public var text: String
    public var statuses: [PacketStatus]
    public var priority: Priority?
    public var limit: Int
    public var offset: Int

    public init(tenantID: String, text: String, statuses: [PacketStatus] = [], priority: Priority? = nil, limit: Int = 50, offset: Int = 0) {
        self.tenantID = tenantID
        self.text = text
        self.statuses = statuses
        self.priority = priority
        self.limit = limit
        self.offset = offset
    }
}

/// `GET /audit` filters.
public struct AuditQuery: Sendable, Hashable {
    public var tenantID: String
    public var actor: String?
    public var action: String?
    public var packetID: UUID?
    public var createdAfter: Date?
    public var createdBefore: Date?
    public var limit: Int
    public var offset: Int

    public init(tenantID: String, actor: String? = nil, action: String? = nil, packetID: UUID? = nil, createdAfter: Date? = nil, createdBefore: Date? = nil, limit: Int = 50, offset: Int = 0) {
        self.tenantID = tenantID
        self.actor = actor
        self.action = action
        self.packetID = packetID
        self.createdAfter = createdAfter
        self.createdBefore = createdBefore
        self.limit = limit
        self.offset = offset
    }
}

/// Aggregates over packets for `/stats` and `/system/health`.
public struct PacketStatistics: Sendable, Hashable {
    public var total: Int
    /// Count per status raw value; statuses without packets are absent.
    public var byStatus: [String: Int]
    public var createdLastHour: Int
    public var createdLastDay: Int
    /// Mean of `claimed_at - created_at` over claimed packets.
    public var averageClaimSeconds: Double?
    /// Mean of `completed_at - created_at` over completed packets.
    public var averageCompleteSeconds: Double?
    /// Distinct agents (source or target) on packets updated in the last 24 hours.
    public var activeAgents: Int
    /// Distinct agents (source or target) ever named.
    public var totalAgentsSeen: Int
    /// Agents by number of packets they are source or target of, most first (at most 10).
    public var topAgents: [TopAgent]
    /// Packets in `created` (waiting to be claimed).
    public var waiting: Int
    /// `created_at` of the oldest packet in `created`.
    public var oldestWaitingCreatedAt: Date?
    /// Packets in `claimed` or `in_progress`.
    public var claimedNotCompleted: Int

    public init(
        total: Int = 0, byStatus: [String: Int] = [:], createdLastHour: Int = 0, createdLastDay: Int = 0,
        averageClaimSeconds: Double? = nil, averageCompleteSeconds: Double? = nil, activeAgents: Int = 0,
        totalAgentsSeen: Int = 0, topAgents: [TopAgent] = [], waiting: Int = 0, oldestWaitingCreatedAt: Date? = nil,
        claimedNotCompleted: Int = 0
    ) {
        self.total = total
        self.byStatus = byStatus
        self.createdLastHour = createdLastHour
        self.createdLastDay = createdLastDay
        self.averageClaimSeconds = averageClaimSeconds
        self.averageCompleteSeconds = averageCompleteSeconds
        self.activeAgents = activeAgents
        self.totalAgentsSeen = totalAgentsSeen
        self.topAgents = topAgents
        self.waiting = waiting
        self.oldestWaitingCreatedAt = oldestWaitingCreatedAt
        self.claimedNotCompleted = claimedNotCompleted
    }
}
