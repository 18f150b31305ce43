import Foundation
import HandoffRailModels

/// The filters of a packet listing, as ``HandoffRailOperations/packets(status:sourceAgent:targetAgent:tags:priority:hitlRequired:createdAfter:createdBefore:pageSize:)``
/// sends them to `GET /api/v1/packets`.
///
/// Several statuses match any of them (the server reads `status=created,claimed` as OR);
/// several tags must all be present (AND).
///
/// ```swift
/// let query = PacketQuery(status: [.created, .claimed], targetAgent: "billing-01", pageSize: 200)
/// for try await page in client.packetPages(query) { print(page.packets.count) }
/// ```
public struct PacketQuery: Sendable, Hashable {
    /// Packets in any of these statuses; empty for every status.
    public var status: [PacketStatus]
    /// Only packets from this source agent id.
    public var sourceAgent: String?
    /// Only packets for this target agent id.
    public var targetAgent: String?
    /// Only packets carrying all of these tags.
    public var tags: [String]
    /// Only packets of this priority.
    public var priority: Priority?
    /// Only packets that do (or do not) require a human.
    public var hitlRequired: Bool?
    /// Only packets created at or after this instant.
    public var createdAfter: Date?
    /// Only packets created at or before this instant.
    public var createdBefore: Date?
    /// Packets per request, 1–200 (the server's maximum); larger values are clamped.
    public var pageSize: Int

    /// A query; every filter is optional. The default page size is the server's maximum, 200.
    public init(
        status: [PacketStatus] = [], sourceAgent: String? = nil, targetAgent: String? = nil, tags: [String] = [],
        priority: Priority? = nil, hitlRequired: Bool? = nil, createdAfter: Date? = nil, createdBefore: Date? = nil,
        pageSize: Int = 200
    ) {
        self.status = status
        self.sourceAgent = sourceAgent
        self.targetAgent = targetAgent
        self.tags = tags
        self.priority = priority
        self.hitlRequired = hitlRequired
        self.createdAfter = createdAfter
        self.createdBefore = createdBefore
        self.pageSize = pageSize
    }

    /// The `listPackets` input for the page after `cursor` (the first page for `nil`).
    func input(cursor: String?) -> Operations.ListPackets.Input {
        var input = Operations.ListPackets.Input(
            status: status.isEmpty ? nil : status.map(\.rawValue).joined(separator: ","),
            sourceAgent: sourceAgent,
            targetAgent: targetAgent,
            tags: tags.isEmpty ? nil : tags.joined(separator: ","),
            priority: priority,
            hitlRequired: hitlRequired,
            createdAfter: createdAfter,
            createdBefore: createdBefore,
            cursor: cursor)
        input.limit = min(max(pageSize, 1), 200)
        return input
    }
}
