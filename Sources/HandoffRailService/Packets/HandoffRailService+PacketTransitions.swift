import Foundation
import HandoffRailModels
import HandoffRailStorage

extension HandoffRailService {
    public func claimPacket(_ input: Operations.ClaimPacket.Input, caller: APICaller) async throws -> Operations.ClaimPacket.Output {
        do {
            return .ok(try await claim(packetID: input.packetId, request: input.body, caller: caller))
        } catch let conflict as ClaimConflict {
            return .conflict(ClaimConflictError(detail: ClaimConflictDetail(message: conflict.message, claimedBy: conflict.claimedBy)))
        } catch let blocked as RuleBlockedClaim {
            return .conflict(blocked.conflictBody)
        }
    }

    public func updatePacket(_ input: Operations.UpdatePacket.Input, caller: APICaller) async throws -> Operations.UpdatePacket.Output {
        let update = input.body
        let maximumBytes = configuration.limits(for: caller.tier).maxPacketBytes
        let packet: Packet
        do {
            packet = try await updatedPacket(input, caller: caller, maximumBytes: maximumBytes)
        } catch let tooLarge as PacketTooLarge {
            return .contentTooLarge(PayloadTooLargeError(
                detail: "The updated packet would be \(tooLarge.bytes) bytes, over the \(caller.tier.rawValue) tier limit of \(maximumBytes) bytes",
                tier: caller.tier
            ))
        }
        if update.status != nil { metrics.handoff(event: packet.status.rawValue) }
        return .ok(packet)
    }

    /// Applies a PATCH as one revision-checked change. Content edits (context, decisions,
    /// actions, dependencies, hitl) must leave the packet within the tier's packet size:
    /// decisions merge, so repeated PATCHes could otherwise grow it past what a create allows.
    /// A move to `claimed` is a claim for the handoff rules (``RuleBlockedClaim``, 409).
    private func updatedPacket(_ input: Operations.UpdatePacket.Input, caller: APICaller, maximumBytes: Int) async throws -> Packet {
        let update = input.body
        let rules = update.status == .claimed ? try await tenantRules(caller) : RuleEvaluator.empty
        return try await mutatePacket(id: input.packetId, caller: caller) { stored, now in
            var packet = stored.packet
            let previousStatus = packet.status
            guard previousStatus != .expired else {
                throw ServiceError.badRequest("Packet is expired and can no longer be changed", code: "packet_expired")
            }
            var changedFields: [JSONValue] = []
            if let status = update.status, status != previousStatus {
                try PacketLifecycle.checkTransition(from: previousStatus, to: status)
                if status == .claimed { try checkClaimRules(rules, packet: stored.packet) }
                Self.enter(status, packet: &packet, now: now)
            }
            if let context = update.context {
                packet.context = context
                changedFields.append("context")
            }
            if let decisions = update.decisions {
                packet.decisions = Self.merge(decisions, into: packet.decisions)
                changedFields.append("decisions")
            }
            if let actions = update.actions {
                if let pending = actions.pending { packet.actions.pending = pending }
                if let completed = actions.completed { packet.actions.completed = completed }
                if let failed = actions.failed { packet.actions.failed = failed }
                changedFields.append("actions")
            }
            if let dependencies = update.dependencies {
                packet.dependencies = dependencies
                changedFields.append("dependencies")
            }
            switch update.hitl {
            case .absent: break
            case .null:
                packet.hitl = nil
                changedFields.append("hitl")
            case .value(let hitl):
                packet.hitl = hitl
                changedFields.append("hitl")
            }
            packet.updatedAt = now
            if !changedFields.isEmpty {
                let bytes = try HandoffRailJSON.encode(packet).count
                if bytes > maximumBytes { throw PacketTooLarge(bytes: bytes) }
            }
            var recorder = PacketChangeRecorder(updating: stored, to: packet, now: now)
            let actor = Self.keyActor(caller)
            if packet.status != previousStatus {
                var details: [String: JSONValue] = ["from": .string(previousStatus.rawValue), "to": .string(packet.status.rawValue)]
                if !changedFields.isEmpty { details["fields"] = .array(changedFields) }
                recorder.record(.init(entering: packet.status), actor: actor, details: details, event: PacketLifecycle.eventType(enteringStatus: packet.status))
            } else {
                recorder.record(.updated, actor: actor, details: ["fields": .array(changedFields)], event: .packetUpdated)
            }
            return recorder
        }
    }

    public func deletePacket(_ input: Operations.DeletePacket.Input, caller: APICaller) async throws -> Operations.DeletePacket.Output {
        _ = try await mutatePacket(id: input.packetId, caller: caller) { stored, now in
            var packet = stored.packet
            guard packet.status != .expired else {
                throw ServiceError.conflict("Packet is already expired", code: "already_expired")
            }
            let previous = packet.status
            Self.enter(.expired, packet: &packet, now: now)
            var recorder = PacketChangeRecorder(updating: stored, to: packet, now: now)
            recorder.record(.expired, actor: Self.keyActor(caller), details: ["from": .string(previous.rawValue), "reason": "deleted"], event: .packetExpired)
            return recorder
        }
        metrics.handoff(event: "expired")
        return .noContent
    }

    public func respondToPacket(_ input: Operations.RespondToPacket.Input, caller: APICaller) async throws -> Operations.RespondToPacket.Output {
        let response = input.body
        let history = try await store.history(packetID: input.packetId, tenantID: caller.tenantID)
        let rules = try await tenantRules(caller)
        let packet = try await mutatePacket(id: input.packetId, caller: caller) { stored, now in
            var packet = stored.packet
            if packet.status == .expired {
                // Expired by its HITL timeout (the sweeper), TTL or a delete: the question is gone.
                throw ServiceError.gone("Packet \(packet.id.uuidString.lowercased()) has expired; it no longer accepts a response")
            }
            guard packet.status == .awaitingHuman else {
                throw ServiceError.conflict("Packet is not awaiting a human response (status: \(packet.status.rawValue))", code: "not_awaiting_human")
            }
            if let timeout = packet.hitl?.timeoutSeconds, let since = Self.awaitingSince(packet, history: history),
               now.timeIntervalSince(since) > Double(timeout) {
                throw ServiceError.gone("HITL checkpoint timed out after \(timeout) seconds")
            }
            // A packet no agent has claimed yet: the response is its first claim, so the block
            // rules apply (else PATCH → awaiting_human + respond would bypass them).
            if packet.metadata.claimedAt == nil { try checkClaimRules(rules, packet: packet) }
            var hitl = packet.hitl ?? HitlCheckpoint(required: true, reason: "Human response requested")
            hitl.response = response.response
            hitl.respondedBy = response.respondedBy
            hitl.respondedAt = now
            hitl.notes = response.notes
            packet.hitl = hitl
            Self.enter(.claimed, packet: &packet, now: now)
            var recorder = PacketChangeRecorder(updating: stored, to: packet, now: now)
            var details: [String: JSONValue] = ["response": .string(response.response), "responded_by": .string(response.respondedBy)]
            if let notes = response.notes { details["notes"] = .string(notes) }
            recorder.record(.hitlResponded, actor: "human:\(response.respondedBy)", details: details, event: .hitlResponseReady)
            recorder.emit(.packetClaimed)
            return recorder
        }
        metrics.hitlResponse()
        return .ok(packet)
    }

    public func batchClaimPackets(_ input: Operations.BatchClaimPackets.Input, caller: APICaller) async throws -> Operations.BatchClaimPackets.Output {
        let body = input.body
        try Self.checkBatchSize(body.packetIds.count)
        let request = ClaimRequest(agentId: body.agentId, agentName: body.agentName, framework: body.framework)
        var claimed: [Packet] = []
        var errors: [BatchItemError] = []
        for rawID in body.packetIds {
            do {
                let id = try Self.batchPacketID(rawID)
                claimed.append(try await claim(packetID: id, request: request, caller: caller))
            } catch let conflict as ClaimConflict {
                errors.append(BatchItemError(packetId: rawID, error: "Already claimed by \(conflict.claimedBy.id)"))
            } catch let error as any APIErrorConvertible where error.statusCode < 500 {
                errors.append(BatchItemError(packetId: rawID, error: error.detail))
            }
        }
        return .ok(BatchClaimResult(claimed: claimed, errors: errors))
    }

    public func batchCompletePackets(_ input: Operations.BatchCompletePackets.Input, caller: APICaller) async throws -> Operations.BatchCompletePackets.Output {
        try Self.checkBatchSize(input.body.packetIds.count)
        var completed: [Packet] = []
        var errors: [BatchItemError] = []
        for rawID in input.body.packetIds {
            do {
                let id = try Self.batchPacketID(rawID)
                let packet = try await mutatePacket(id: id, caller: caller) { stored, now in
                    var packet = stored.packet
                    guard PacketLifecycle.canTransition(from: packet.status, to: .completed) else {
                        throw ServiceError.badRequest("Cannot complete packet in status \(packet.status.rawValue)", code: "invalid_transition", field: "status")
                    }
                    let previous = packet.status
                    Self.enter(.completed, packet: &packet, now: now)
                    var recorder = PacketChangeRecorder(updating: stored, to: packet, now: now)
                    recorder.record(.completed, actor: Self.keyActor(caller), details: ["from": .string(previous.rawValue), "batch": true], event: .packetCompleted)
                    return recorder
                }
                metrics.handoff(event: "completed")
                completed.append(packet)
            } catch let error as any APIErrorConvertible where error.statusCode < 500 {
                errors.append(BatchItemError(packetId: rawID, error: error.detail))
            }
        }
        return .ok(BatchCompleteResult(completed: completed, errors: errors))
    }
}

/// A PATCH that would make the stored packet larger than the tier allows (413).
struct PacketTooLarge: Error {
    var bytes: Int
}
