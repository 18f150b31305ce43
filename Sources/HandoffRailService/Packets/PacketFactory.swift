import Foundation
import HandoffRailModels

/// Builds new packets from create and chain requests: ids, timestamps, initial status.
enum PacketFactory {
    /// The packet a create request describes, as of `now`.
    ///
    /// Status is `awaiting_human` when the request carries a required HITL checkpoint, else
    /// `created`. `metadata.created_at` and the top-level timestamps are the server's clock.
    static func packet(from create: PacketCreate, id: UUID = UUID(), now: Date) -> Packet {
        var metadata = create.metadata
        metadata.createdAt = now
        metadata.claimedAt = nil
        metadata.completedAt = nil
        let status: PacketStatus = (create.hitl?.required ?? false) ? .awaitingHuman : .created
        return Packet(
            id: id,
            version: "1.0.0",
            parentPacketId: create.parentPacketId,
            metadata: metadata,
            context: create.context,
            decisions: create.decisions,
            actions: create.actions ?? Actions(),
            dependencies: create.dependencies,
            hitl: create.hitl,
            status: status,
            createdAt: now,
            updatedAt: now
        )
    }

    /// The child packet of a chain request: the parent's conversation comes first, then the
    /// child's own turns; `parent_packet_id` is the parent.
    static func chainedPacket(from request: ChainRequest, parent: Packet, id: UUID = UUID(), now: Date) -> Packet {
        var create = PacketCreate(
            parentPacketId: parent.id,
            metadata: request.metadata,
            context: request.context,
            decisions: request.decisions,
            actions: request.actions,
            dependencies: request.dependencies,
            hitl: request.hitl
        )
        create.context.conversationState = parent.context.conversationState + request.context.conversationState
        return packet(from: create, id: id, now: now)
    }
}
