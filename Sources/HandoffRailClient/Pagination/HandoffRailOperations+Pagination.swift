import Foundation
import HandoffRailModels

extension HandoffRailOperations {
    /// Every packet matching the filters, newest first, as an `AsyncSequence` that fetches
    /// cursor pages of `pageSize` packets as you iterate.
    ///
    /// `status` matches any of the given statuses; `tags` must all be present.
    ///
    /// ```swift
    /// for try await packet in client.packets(status: [.created], targetAgent: "billing-01") {
    ///     try await client.claim(packet.id, agentID: "billing-01", agentName: "Billing")
    /// }
    /// ```
    public func packets(
        status: [PacketStatus] = [], sourceAgent: String? = nil, targetAgent: String? = nil, tags: [String] = [],
        priority: Priority? = nil, hitlRequired: Bool? = nil, createdAfter: Date? = nil, createdBefore: Date? = nil,
        pageSize: Int = 200
    ) -> PacketSequence {
        packets(PacketQuery(
            status: status, sourceAgent: sourceAgent, targetAgent: targetAgent, tags: tags, priority: priority,
            hitlRequired: hitlRequired, createdAfter: createdAfter, createdBefore: createdBefore, pageSize: pageSize))
    }

    /// Every packet matching `query`, newest first (see ``packets(status:sourceAgent:targetAgent:tags:priority:hitlRequired:createdAfter:createdBefore:pageSize:)``).
    public func packets(_ query: PacketQuery) -> PacketSequence {
        PacketSequence(pages: packetPages(query))
    }

    /// The cursor pages of a listing, each with the server's `total`, for progress displays
    /// or batch processing.
    ///
    /// ```swift
    /// for try await page in client.packetPages(PacketQuery(tags: ["billing"], pageSize: 100)) {
    ///     try await process(page.packets)
    /// }
    /// ```
    public func packetPages(_ query: PacketQuery) -> PacketPages {
        PacketPages(client: self, query: query)
    }
}
