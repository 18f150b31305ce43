import Foundation
import HandoffRailModels

extension HandoffRailClient {
    /// Claims a packet for an agent (`created` or `failed` → `claimed`), making it the
    /// packet's target agent.
    ///
    /// Throws ``HandoffRailError`` `.conflict` with ``HandoffRailError/claimant`` when another
    /// agent holds it, `.notFound` when it does not exist or has expired.
    ///
    /// ```swift
    /// let packet = try await client.claim(id, agentID: "billing-01", agentName: "Billing")
    /// ```
    @discardableResult
    public func claim(_ id: UUID, agentID: String, agentName: String, framework: String? = nil) async throws -> Packet {
        try await claimPacket(packetId: id, body: ClaimRequest(agentId: agentID, agentName: agentName, framework: framework))
    }

    /// Claims the newest claimable packet addressed to `agentID`, skipping packets another
    /// agent claims first; `nil` when there is none.
    ///
    /// ```swift
    /// if let work = try await client.claimNext(agentID: "billing-01", agentName: "Billing") { … }
    /// ```
    public func claimNext(agentID: String, agentName: String, framework: String? = nil) async throws -> Packet? {
        for try await candidate in packets(status: [.created], targetAgent: agentID, pageSize: 50) {
            do {
                return try await claim(candidate.id, agentID: agentID, agentName: agentName, framework: framework)
            } catch let error as HandoffRailError where error.kind == .conflict || error.kind == .notFound {
                continue
            }
        }
        return nil
    }

    /// Marks a claimed packet as being worked on (`claimed` → `in_progress`).
    ///
    /// ```swift
    /// try await client.start(id)
    /// ```
    @discardableResult
    public func start(_ id: UUID) async throws -> Packet {
        try await updatePacket(packetId: id, body: PacketUpdate(status: .inProgress))
    }

    /// Completes a packet (`claimed` or `in_progress` → `completed`), optionally recording
    /// final decisions (merged by id with the packet's).
    ///
    /// ```swift
    /// try await client.complete(id, decisions: [Decision(id: "refund", decision: "Refund", rationale: "Duplicate charge")])
    /// ```
    @discardableResult
    public func complete(_ id: UUID, decisions: [Decision] = []) async throws -> Packet {
        try await updatePacket(packetId: id, body: PacketUpdate(status: .completed, decisions: decisions.isEmpty ? nil : decisions))
    }

    /// Fails a packet (any non-terminal status → `failed`), recording why as the decision
    /// ``failureDecisionID`` so the next agent (or a human) reads the reason on the packet.
    /// A failed packet can be claimed again.
    ///
    /// ```swift
    /// try await client.fail(id, reason: "Payment provider unreachable", decidedBy: "billing-01")
    /// ```
    @discardableResult
    public func fail(_ id: UUID, reason: String, decidedBy: String? = nil) async throws -> Packet {
        let decision = Decision(id: Self.failureDecisionID, decision: "failed", rationale: reason, decidedBy: decidedBy, timestamp: Date())
        return try await updatePacket(packetId: id, body: PacketUpdate(status: .failed, decisions: [decision]))
    }

    /// The id of the decision ``fail(_:reason:decidedBy:)`` records.
    public static let failureDecisionID = "handoffrail.failure"

    /// Answers a packet's human-in-the-loop checkpoint (`awaiting_human` → `claimed`).
    ///
    /// ```swift
    /// try await client.respond(id, response: "Approved", respondedBy: "alice@example.com")
    /// ```
    @discardableResult
    public func respond(_ id: UUID, response: String, respondedBy: String, notes: String? = nil) async throws -> Packet {
        try await respondToPacket(packetId: id, body: RespondRequest(response: response, respondedBy: respondedBy, notes: notes))
    }

    /// Hands the work on: creates a child packet of `parent` (its conversation carried over).
    /// Safe to retry: an `Idempotency-Key` is added when you give none, so a retried chain
    /// never creates two children.
    ///
    /// ```swift
    /// let child = try await client.chain(from: parent.id, ChainRequest(metadata: metadata, context: context))
    /// ```
    @discardableResult
    public func chain(from parent: UUID, _ request: ChainRequest, idempotencyKey: String? = nil) async throws -> Packet {
        try await chainPacket(packetId: parent, body: request, idempotencyKey: idempotencyKey)
    }
}
