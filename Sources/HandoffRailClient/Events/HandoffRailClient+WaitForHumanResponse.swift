import Foundation
import HandoffRailModels

extension HandoffRailClient {
    /// Waits until a human has answered the packet's HITL checkpoint, and returns the
    /// packet with the answer (`packet.hitl?.response`, `respondedBy`, `notes`).
    ///
    /// An agent that raised a checkpoint calls this instead of polling. It subscribes to the
    /// packet's live events first and only then reads the packet, so an answer given at any
    /// moment — before the call, while connecting, during a reconnect — is never missed:
    /// after every (re)connection the packet is read again, and `hitl.response_ready`
    /// triggers a final read.
    ///
    /// ```swift
    /// let answered = try await client.waitForHumanResponse(packetID: packet.id, timeout: .seconds(3600))
    /// print("human said:", answered.hitl?.response ?? "")
    /// ```
    ///
    /// - Throws: ``HandoffRailError`` `.timeout` when no answer came within `timeout`;
    ///   `.notFound` when the packet does not exist or expired (HITL timeout, deletion)
    ///   before an answer; `.conflict` when it completed without one; the stream's error
    ///   when the server refuses the key (`.authentication`, `.permission`).
    public func waitForHumanResponse(
        packetID: UUID,
        timeout: Duration,
        options: EventStreamOptions = EventStreamOptions()
    ) async throws -> Packet {
        try await withThrowingTaskGroup(of: Packet.self) { group in
            group.addTask {
                try await self.awaitHumanResponse(packetID: packetID, options: options)
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw HandoffRailError(
                    kind: .timeout, operationID: Self.waitOperationID,
                    reason: "no human response to packet \(packetID.uuidString.lowercased()) within \(timeout)")
            }
            defer { group.cancelAll() }
            guard let packet = try await group.next() else { throw CancellationError() }
            return packet
        }
    }

    static let waitOperationID = "waitForHumanResponse"

    /// Follows the packet's events until its checkpoint is answered.
    private func awaitHumanResponse(packetID: UUID, options: EventStreamOptions) async throws -> Packet {
        for try await message in eventMessages(subscribe: [.packet(packetID)], options: options) {
            switch message {
            case .connected:
                // The subscription is live: whatever happens from now on arrives as an
                // event, so the packet's current state closes the gap before it.
                if let packet = try await answeredPacket(packetID) { return packet }
            case .event(let event) where event.packetID == packetID:
                switch event.type {
                case .hitlResponseReady:
                    if let packet = try await answeredPacket(packetID) { return packet }
                case .packetExpired, .packetCompleted:
                    _ = try await answeredPacket(packetID)  // throws the matching error
                default:
                    continue
                }
            default:
                continue
            }
        }
        // The stream ends without an error only when this task is cancelled.
        throw CancellationError()
    }

    /// The packet when its checkpoint has an answer; `nil` while it is still open; throws
    /// when no answer can come any more.
    private func answeredPacket(_ packetID: UUID) async throws -> Packet? {
        let packet = try await getPacket(packetId: packetID)
        if let hitl = packet.hitl, hitl.response != nil || hitl.respondedAt != nil { return packet }
        switch packet.status {
        case .expired:
            throw HandoffRailError(
                kind: .notFound, operationID: Self.waitOperationID,
                reason: "packet \(packetID.uuidString.lowercased()) expired before a human responded")
        case .completed:
            throw HandoffRailError(
                kind: .conflict, operationID: Self.waitOperationID,
                reason: "packet \(packetID.uuidString.lowercased()) completed without a human response")
        default:
            return nil
        }
    }
}
