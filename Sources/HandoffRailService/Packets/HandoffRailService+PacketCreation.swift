import Foundation
import HandoffRailModels
import HandoffRailStorage

extension HandoffRailService {
    public func createPacket(_ input: Operations.CreatePacket.Input, caller: APICaller) async throws -> Operations.CreatePacket.Output {
        let packet = try await createIdempotently(
            operationID: Operations.CreatePacket.descriptor.id, key: input.idempotencyKey, body: input.body, caller: caller
        ) { (idempotency: IdempotencyRecordMaker<Packet>?) -> Packet in
            let now = clock.now()
            let quota = try await dailyQuota(caller: caller, now: now)
            let rules = try await tenantRules(caller)
            let routed = try await preparePacket(from: input.body, caller: caller, now: now, dailyQuota: quota, alreadyAdmitted: [], rules: rules)
            let prepared = routed.packet
            var recorder = PacketChangeRecorder(inserting: prepared, tenantID: caller.tenantID, now: now)
            recorder.record(.created, actor: "agent:\(prepared.metadata.sourceAgent.id)", event: .packetCreated)
            recorder.recordRules(of: routed)
            let stored = try await commitCreates([recorder.change], idempotency: try idempotency?(prepared), dailyQuota: quota, caller: caller, now: now)
            noteCreated(stored.map(\.packet), forcedTransfers: routed.forced == nil ? 0 : 1, caller: caller)
            return prepared
        }
        return .created(packet)
    }

    public func batchCreatePackets(_ input: Operations.BatchCreatePackets.Input, caller: APICaller) async throws -> Operations.BatchCreatePackets.Output {
        guard !input.body.packets.isEmpty else {
            throw ServiceError.unprocessable("packets must contain at least one item", code: "batch_empty", field: "packets")
        }
        guard input.body.packets.count <= Self.maximumBatchSize else {
            throw ServiceError.badRequest("Batch size exceeds the maximum of \(Self.maximumBatchSize) items", code: "batch_too_large", field: "packets")
        }
        let result = try await createIdempotently(
            operationID: Operations.BatchCreatePackets.descriptor.id, key: input.idempotencyKey, body: input.body, caller: caller
        ) { (idempotency: IdempotencyRecordMaker<BatchCreateResult>?) -> BatchCreateResult in
            let now = clock.now()
            let quota = try await dailyQuota(caller: caller, now: now)
            let rules = try await tenantRules(caller)
            var recorders: [PacketChangeRecorder] = []
            var errors: [BatchCreateError] = []
            var admitted: [Packet] = []
            var forcedTransfers = 0
            for (index, item) in input.body.packets.enumerated() {
                do {
                    let create = try Self.decodeBatchItem(item)
                    let routed = try await preparePacket(
                        from: create, caller: caller, now: now, dailyQuota: quota, alreadyAdmitted: admitted, rules: rules)
                    let packet = routed.packet
                    var recorder = PacketChangeRecorder(inserting: packet, tenantID: caller.tenantID, now: now)
                    recorder.record(.created, actor: "agent:\(packet.metadata.sourceAgent.id)", details: ["batch": true], event: .packetCreated)
                    recorder.recordRules(of: routed)
                    recorders.append(recorder)
                    admitted.append(packet)
                    if routed.forced != nil { forcedTransfers += 1 }
                } catch let error as any APIErrorConvertible where error.statusCode < 500 {
                    errors.append(BatchCreateError(index: index, error: error.detail))
                }
            }
            let result = BatchCreateResult(created: admitted, errors: errors)
            if !recorders.isEmpty || idempotency != nil {
                try await commitCreates(recorders.map(\.change), idempotency: try idempotency?(result), dailyQuota: quota, caller: caller, now: now)
            }
            noteCreated(admitted, forcedTransfers: forcedTransfers, caller: caller)
            return result
        }
        return .created(result)
    }

    public func chainPacket(_ input: Operations.ChainPacket.Input, caller: APICaller) async throws -> Operations.ChainPacket.Output {
        let child = try await createIdempotently(
            operationID: Operations.ChainPacket.descriptor.id + ":" + input.packetId.uuidString.lowercased(),
            key: input.idempotencyKey, body: input.body, caller: caller
        ) { (idempotency: IdempotencyRecordMaker<Packet>?) -> Packet in
            let rules = try await tenantRules(caller)
            var attempt = 0
            while true {
                attempt += 1
                let parent = try await requirePacket(id: input.packetId, caller: caller)
                let now = clock.now()
                let draft = PacketFactory.chainedPacket(from: input.body, parent: parent.packet, now: now)
                let create = PacketCreate(
                    parentPacketId: parent.packet.id, metadata: draft.metadata, context: draft.context, decisions: draft.decisions,
                    actions: draft.actions, dependencies: draft.dependencies, hitl: draft.hitl
                )
                let quota = try await dailyQuota(caller: caller, now: now)
                let routed = try await preparePacket(
                    from: create, caller: caller, now: now, dailyQuota: quota, alreadyAdmitted: [],
                    rules: rules, knownParent: parent.packet
                )
                let child = routed.packet
                let parentID = JSONValue.string(parent.packet.id.uuidString.lowercased())
                var childRecorder = PacketChangeRecorder(inserting: child, tenantID: caller.tenantID, now: now)
                childRecorder.record(.created, actor: "agent:\(child.metadata.sourceAgent.id)", details: ["parent_packet_id": parentID, "chain": true], event: .packetCreated)
                childRecorder.recordRules(of: routed)
                var touchedParent = parent.packet
                touchedParent.updatedAt = now
                var parentRecorder = PacketChangeRecorder(updating: parent, to: touchedParent, now: now)
                parentRecorder.record(.chained, actor: "agent:\(child.metadata.sourceAgent.id)", details: ["child_packet_id": .string(child.id.uuidString.lowercased())], event: .packetChained)
                do {
                    try await commitCreates(
                        [childRecorder.change, parentRecorder.change], idempotency: try idempotency?(child), dailyQuota: quota, caller: caller, now: now
                    )
                    noteCreated([child], forcedTransfers: routed.forced == nil ? 0 : 1, caller: caller)
                    // Metrics only: the child is committed, a failed lookup must not fail the answer.
                    if let depth = try? await chainDepth(of: child, caller: caller) { metrics.chainDepth(depth) }
                    return child
                } catch let error as StoreError where error.code == .revisionConflict && attempt < Self.maximumCommitAttempts {
                    continue
                }
            }
        }
        return .created(child)
    }

    /// The largest batch `POST /packets/batch` and the batch claim/complete accept.
    static let maximumBatchSize = 50

    /// One batch item: validated against `PacketCreate`'s schema, then decoded.
    static func decodeBatchItem(_ item: [String: JSONValue]) throws -> PacketCreate {
        let json = JSONValue.object(item)
        let issues = PacketCreate.validate(json)
        if let first = issues.first {
            let location = first.loc.map { "\($0)" }.joined(separator: ".")
            let suffix = issues.count > 1 ? " (and \(issues.count - 1) more)" : ""
            throw ServiceError.unprocessable(location.isEmpty ? first.msg + suffix : "\(location): \(first.msg)\(suffix)", code: "validation_error")
        }
        var decoder = JSONValueDecoder()
        decoder.userInfo[.handoffRailStrictEnums] = true
        do {
            return try decoder.decode(PacketCreate.self, from: json)
        } catch {
            throw ServiceError.unprocessable("Invalid packet: \(error)", code: "validation_error")
        }
    }

    /// Chain depth of a packet: 1 for a root, parent's depth + 1 otherwise (bounded walk).
    func chainDepth(of packet: Packet, caller: APICaller) async throws -> Int {
        var depth = 1
        var parentID = packet.parentPacketId
        while let id = parentID, depth < 64, let parent = try await store.packet(id: id, tenantID: caller.tenantID) {
            depth += 1
            parentID = parent.packet.parentPacketId
        }
        return depth
    }

    /// Metrics and caches after packets were committed; `forcedTransfers` of them were
    /// re-routed by a `force_transfer` rule.
    func noteCreated(_ packets: [Packet], forcedTransfers: Int = 0, caller: APICaller) {
        if forcedTransfers > 0 { metrics.ruleApplied(action: HandoffRuleActionType.forceTransfer.rawValue, count: forcedTransfers) }
        for packet in packets {
            metrics.handoff(event: "created")
            if packet.hitl?.required == true { metrics.hitlCheckpoint() }
            knownAgents.insert([packet.metadata.sourceAgent.id, packet.metadata.targetAgent.id], for: caller.tenantID)
        }
    }
}
