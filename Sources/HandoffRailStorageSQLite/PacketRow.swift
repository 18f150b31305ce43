import Foundation
import HandoffRailModels

/// The `packets` row of a packet: the wire document plus the facts the list filters,
/// statistics and full-text index need as columns.
///
/// Built once per change, before the write transaction starts, so encoding JSON and deriving
/// the search text never hold the writer.
struct PacketRow: Sendable {
    var id: String
    var tenantID: String
    var status: String
    var sourceAgentID: String
    var sourceAgentName: String
    var targetAgentID: String
    var targetAgentName: String
    var priority: String
    var hitlRequired: Bool
    var parentPacketID: String?
    var createdAt: Int64
    var updatedAt: Int64
    var claimedAt: Int64?
    var completedAt: Int64?
    /// The packet as wire JSON (``HandoffRailJSON``), returned as is by reads.
    var document: String
    /// Distinct tags, in first-seen order.
    var tags: [String]
    /// The same tags as a JSON array, for the `json_each` that prunes removed tags.
    var tagsJSON: String
    var searchText: PacketSearchText

    init(tenantID: String, packet: Packet) throws {
        id = packet.id.databaseText
        self.tenantID = tenantID
        status = packet.status.rawValue
        sourceAgentID = packet.metadata.sourceAgent.id
        sourceAgentName = packet.metadata.sourceAgent.name
        targetAgentID = packet.metadata.targetAgent.id
        targetAgentName = packet.metadata.targetAgent.name
        priority = packet.metadata.priority.rawValue
        hitlRequired = packet.hitl?.required ?? false
        parentPacketID = packet.parentPacketId?.databaseText
        createdAt = packet.createdAt.databaseMicroseconds
        updatedAt = packet.updatedAt.databaseMicroseconds
        claimedAt = packet.metadata.claimedAt?.databaseMicroseconds
        completedAt = packet.metadata.completedAt?.databaseMicroseconds
        document = try databaseJSON(packet)
        var seen = Set<String>()
        tags = packet.metadata.tags.filter { seen.insert($0).inserted }
        tagsJSON = try databaseJSON(tags)
        searchText = PacketSearchText(context: packet.context)
    }
}
