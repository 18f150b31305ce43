import Foundation
import HandoffRailClient
import HandoffRailModels

extension HandoffAdapter {
    /// The id of the completed action ``completeHandoff(_:result:actionID:description:decisions:)``
    /// records by default.
    public static var resultActionID: String { "handoffrail.result" }

    /// Claims a handoff for this agent (it becomes the packet's target agent).
    ///
    /// Throws ``HandoffAdapterError/alreadyClaimed(packetID:holder:underlying:)`` when another
    /// agent holds it, ``HandoffAdapterError/claimBlocked(packetID:rule:reason:underlying:)`` when
    /// a handoff rule refuses it, ``HandoffAdapterError/claimRefused(packetID:reason:underlying:)``
    /// for other 409s; everything else is the SDK's ``HandoffRailError``.
    ///
    /// ```swift
    /// let packet = try await adapter.claimHandoff(id)
    /// ```
    @discardableResult
    public func claimHandoff(_ id: UUID) async throws -> Packet {
        do {
            return try await client.claim(id, agentID: identity.id, agentName: identity.name, framework: identity.frameworkName)
        } catch {
            throw HandoffAdapterError.claim(id, failedWith: error)
        }
    }

    /// Makes a packet yielded by ``handoffs(delivery:)`` this agent's: a `created` one is
    /// claimed by its id; one already `claimed` for this agent — released by
    /// a human's answer to its checkpoint — is returned as it is, since claiming it again
    /// would be a conflict.
    ///
    /// ```swift
    /// for try await packet in adapter.handoffs() {
    ///     let mine = try await adapter.claimHandoff(packet)
    /// }
    /// ```
    @discardableResult
    public func claimHandoff(_ packet: Packet) async throws -> Packet {
        if packet.status == .claimed, packet.metadata.targetAgent.id == identity.id { return packet }
        return try await claimHandoff(packet.id)
    }

    /// The packet's conversation in this adapter's framework: the codec's `resume`, which
    /// re-emits turns of the same format exactly and rebuilds others as text.
    ///
    /// ```swift
    /// let messages = try adapter.resumeConversation(packet)   // e.g. LangChain messages_to_dict JSON
    /// ```
    public func resumeConversation(_ packet: Packet, options: ResumeOptions = ResumeOptions()) throws -> JSONValue {
        try codec.resume(packet, options: options)
    }

    /// Completes a handoff; with a `result`, records it as the reference SDK records results —
    /// a completed action `{id, description, result, completed_by, completed_at}` — in the same
    /// update.
    ///
    /// The packet's other completed actions are kept (one with the same id is replaced); a
    /// pending action with `actionID` moves to completed, its description kept. Final
    /// `decisions` merge by id. The completed list is read, then written back whole (the API
    /// replaces action sections it is sent), so two agents completing the same packet at once
    /// could lose one result; a packet has one claimer, so only that agent should complete it.
    ///
    /// ```swift
    /// try await adapter.completeHandoff(packet.id, result: "Refunded 29.00 EUR")
    /// ```
    @discardableResult
    public func completeHandoff(
        _ id: UUID, result: String? = nil, actionID: String = Self.resultActionID, description: String = "Handoff result",
        decisions: [Decision] = []
    ) async throws -> Packet {
        guard let result else { return try await client.complete(id, decisions: decisions) }
        let current = try await client.getPacket(packetId: id)
        var pending = current.actions.pending
        let finished = pending.first { $0.id == actionID }
        pending.removeAll { $0.id == actionID }
        let action = CompletedAction(
            id: actionID, description: finished?.description ?? description, result: result,
            completedBy: identity.id, completedAt: Date())
        var completed = current.actions.completed.filter { $0.id != actionID }
        completed.append(action)
        let actions = ActionsUpdate(pending: finished == nil ? nil : pending, completed: completed)
        let update = PacketUpdate(status: .completed, decisions: decisions.isEmpty ? nil : decisions, actions: actions)
        return try await client.updatePacket(packetId: id, body: update)
    }

    /// Fails a handoff (any non-terminal status → `failed`), recording `reason` as decided by
    /// this agent; a failed packet can be claimed again.
    ///
    /// ```swift
    /// try await adapter.failHandoff(packet.id, reason: "Payment provider unreachable")
    /// ```
    @discardableResult
    public func failHandoff(_ id: UUID, reason: String) async throws -> Packet {
        try await client.fail(id, reason: reason, decidedBy: identity.id)
    }

    /// The reference SDK's polling: the packets in `created` addressed to this agent (newest
    /// first, at most `limit`), waiting up to `timeout` — asking every `interval` — until there
    /// is one; `[]` when the time runs out. The default timeout asks once.
    ///
    /// Prefer ``handoffs(delivery:)``, which learns of a handoff the moment it is created.
    ///
    /// A packet created with a human checkpoint is not here: it waits in `awaiting_human`,
    /// and the human's answer makes it `claimed` for its target agent directly — list those
    /// with ``answeredHandoffs(limit:)`` (``handoffs(delivery:)`` yields both kinds).
    ///
    /// ```swift
    /// let waiting = try await adapter.pollForHandoff(timeout: .seconds(30))
    /// ```
    public func pollForHandoff(timeout: Duration = .zero, interval: Duration = .seconds(2), limit: Int = 10) async throws -> [Packet] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            let page = try await client.listPackets(status: PacketStatus.created.rawValue, targetAgent: identity.id, limit: limit)
            if !page.packets.isEmpty || clock.now >= deadline { return page.packets }
            // At least 50 ms between requests, so a zero interval does not hammer the server.
            try await Task.sleep(for: max(HandoffStream.minimumPollingInterval, min(interval, clock.now.duration(to: deadline))))
        }
    }

    /// The packets addressed to this agent that a human's answer released: in `claimed`
    /// (already this agent's — continue them, do not claim) with `hitl.response` set, oldest
    /// first, at most `limit`.
    ///
    /// ```swift
    /// for packet in try await adapter.answeredHandoffs() {
    ///     let answer = packet.hitl?.response   // e.g. "approve"
    /// }
    /// ```
    public func answeredHandoffs(limit: Int = 100) async throws -> [Packet] {
        var answered: [Packet] = []
        for try await packet in client.packets(status: [.claimed], targetAgent: identity.id, pageSize: 100) where packet.hitl?.response != nil {
            answered.append(packet)
        }
        return Array(answered.sorted { $0.createdAt < $1.createdAt }.prefix(max(0, limit)))
    }

    /// A live sequence of the handoffs addressed to this agent (see ``HandoffStream``): those
    /// ready when iteration starts (oldest first), then each new one as it is created or
    /// released by a human's answer, each exactly once.
    ///
    /// ```swift
    /// for try await packet in adapter.handoffs() {
    ///     try await adapter.claimHandoff(packet.id)
    /// }
    /// ```
    public func handoffs(delivery: HandoffDelivery = .automatic) -> HandoffStream {
        HandoffStream(client: client, agentID: identity.id, delivery: delivery)
    }
}
