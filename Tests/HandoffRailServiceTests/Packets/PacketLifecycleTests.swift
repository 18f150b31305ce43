import Foundation
import HandoffRailModels
import HandoffRailService
import Testing

@Suite("Packet lifecycle (service)")
struct PacketLifecycleTests {
    @Test("a full run: created → claimed → in_progress → completed, with history in order")
    func fullRun() async throws {
        let bench = try await PacketTestBench()
        let created = try await bench.create()
        #expect(created.status == .created)
        #expect(created.metadata.createdAt == created.createdAt)
        guard case .ok(let claimed) = try await bench.claim(created.id, agent: "billing-02") else {
            Issue.record("claim failed")
            return
        }
        #expect(claimed.status == .claimed)
        #expect(claimed.metadata.targetAgent.id == "billing-02")
        #expect(claimed.metadata.claimedAt != nil)
        let running = try await bench.update(created.id, PacketUpdate(status: .inProgress))
        #expect(running.status == .inProgress)
        let done = try await bench.update(created.id, PacketUpdate(status: .completed))
        #expect(done.status == .completed)
        #expect(done.metadata.completedAt != nil)
        #expect(try await bench.history(created.id) == ["created", "claimed", "in_progress", "completed"])
    }

    @Test("the created event's actor is the source agent")
    func createdActor() async throws {
        let bench = try await PacketTestBench()
        let packet = try await bench.create(.sample(source: "triage-07"))
        guard case .ok(let history) = try await bench.service.getPacketHistory(.init(packetId: packet.id), caller: bench.caller()) else {
            Issue.record("history failed")
            return
        }
        #expect(history.events.first?.actor == "agent:triage-07")
    }

    @Test("a second claim is a 409 naming the claimant; completed is 400; expired is 410")
    func claimConflicts() async throws {
        let bench = try await PacketTestBench()
        let packet = try await bench.create()
        _ = try await bench.claim(packet.id, agent: "first")
        guard case .conflict(let conflict) = try await bench.claim(packet.id, agent: "second") else {
            Issue.record("second claim was not a conflict")
            return
        }
        #expect(conflict.detail.claimedBy.id == "first")
        #expect(conflict.detail.message.contains("already claimed"))

        _ = try await bench.update(packet.id, PacketUpdate(status: .completed))
        let completedError = await ServiceError.thrown { _ = try await bench.claim(packet.id) }
        #expect(completedError?.statusCode == 400)
        #expect(completedError?.detail.contains("Cannot transition") == true)

        let other = try await bench.create()
        _ = try await bench.service.deletePacket(.init(packetId: other.id), caller: bench.caller())
        let expiredError = await ServiceError.thrown { _ = try await bench.claim(other.id) }
        #expect(expiredError?.statusCode == 410)
    }

    @Test("an invalid PATCH transition is 400 naming the allowed ones")
    func invalidTransition() async throws {
        let bench = try await PacketTestBench()
        let packet = try await bench.create()
        let error = await ServiceError.thrown { _ = try await bench.update(packet.id, PacketUpdate(status: .inProgress)) }
        #expect(error?.statusCode == 400)
        #expect(error?.detail == "Cannot transition from created to in_progress. Allowed: claimed, awaiting_human, failed, expired")
    }

    @Test("decisions merge by id; action sections sent replace those sections")
    func patchMerges() async throws {
        let bench = try await PacketTestBench()
        var create = PacketCreate.sample()
        create.decisions = [Decision(id: "d1", decision: "refund", rationale: "duplicate charge")]
        create.actions = Actions(pending: [PendingAction(id: "a1", description: "refund", assignee: "billing")], completed: [CompletedAction(id: "c1", description: "verify", result: "ok")])
        let packet = try await bench.create(create)
        let updated = try await bench.update(packet.id, PacketUpdate(
            decisions: [Decision(id: "d1", decision: "partial refund", rationale: "policy"), Decision(id: "d2", decision: "notify", rationale: "courtesy")],
            actions: ActionsUpdate(pending: [])
        ))
        #expect(updated.decisions.map(\.id) == ["d1", "d2"])
        #expect(updated.decisions[0].decision == "partial refund")
        #expect(updated.actions.pending.isEmpty)
        #expect(updated.actions.completed.map(\.id) == ["c1"])
        #expect(try await bench.history(packet.id) == ["created", "updated"])
    }

    @Test("PATCHes that would grow the packet past the tier's size are 413 and change nothing")
    func patchSizeLimit() async throws {
        let bench = try await PacketTestBench(tier: .free)
        let packet = try await bench.create()
        let bulky = String(repeating: "r", count: 40 * 1024)
        _ = try await bench.update(packet.id, PacketUpdate(decisions: [Decision(id: "d1", decision: "first", rationale: bulky)]))
        let second = try await bench.service.updatePacket(
            .init(packetId: packet.id, body: PacketUpdate(decisions: [Decision(id: "d2", decision: "second", rationale: bulky)])),
            caller: bench.caller(.agent)
        )
        guard case .contentTooLarge(let problem) = second else {
            Issue.record("expected 413, got \(second)")
            return
        }
        #expect(problem.tier == .free)
        guard case .ok(let unchanged) = try await bench.service.getPacket(.init(packetId: packet.id), caller: bench.caller()) else {
            throw TestFailure("get failed")
        }
        #expect(unchanged.decisions.map(\.id) == ["d1"])
        // A status change alone is never refused for size.
        guard case .ok = try await bench.claim(packet.id) else { throw TestFailure("claim failed") }
        #expect(try await bench.update(packet.id, PacketUpdate(status: .inProgress)).status == .inProgress)
    }

    @Test("HITL: created awaiting_human, respond moves to claimed and fills the answer; respond again is 409")
    func humanInTheLoop() async throws {
        let bench = try await PacketTestBench()
        let packet = try await bench.create(.sample(hitl: HitlCheckpoint(reason: "Refund over limit", question: "Approve?", options: ["yes", "no"])))
        #expect(packet.status == .awaitingHuman)
        guard case .ok(let awaiting) = try await bench.service.listAwaitingPackets(.init(), caller: bench.caller(.reader)) else {
            Issue.record("awaiting failed")
            return
        }
        #expect(awaiting.packets.map(\.id) == [packet.id])
        guard case .ok(let answered) = try await bench.service.respondToPacket(
            .init(packetId: packet.id, body: RespondRequest(response: "yes", respondedBy: "alice", notes: "ok")), caller: bench.caller(.agent)
        ) else {
            Issue.record("respond failed")
            return
        }
        #expect(answered.status == .claimed)
        #expect(answered.hitl?.response == "yes")
        #expect(answered.hitl?.respondedBy == "alice")
        #expect(answered.hitl?.notes == "ok")
        #expect(answered.hitl?.respondedAt != nil)
        let again = await ServiceError.thrown {
            _ = try await bench.service.respondToPacket(.init(packetId: packet.id, body: RespondRequest(response: "no", respondedBy: "bob")), caller: bench.caller(.agent))
        }
        #expect(again?.statusCode == 409)
        #expect(try await bench.history(packet.id) == ["created", "hitl_responded"])
    }

    @Test("respond after the HITL timeout is 410")
    func humanTimeout() async throws {
        let offset = TimeOffset()
        let bench = try await PacketTestBench(clock: ServiceClock { Date().addingTimeInterval(offset.seconds) })
        let packet = try await bench.create(.sample(hitl: HitlCheckpoint(reason: "Approve", timeoutSeconds: 60)))
        offset.seconds = 120
        let error = await ServiceError.thrown {
            _ = try await bench.service.respondToPacket(.init(packetId: packet.id, body: RespondRequest(response: "yes", respondedBy: "alice")), caller: bench.caller(.agent))
        }
        #expect(error?.statusCode == 410)
    }

    @Test("delete expires the packet (204), adds an expired event; again is 409")
    func deleteExpires() async throws {
        let bench = try await PacketTestBench()
        let packet = try await bench.create()
        #expect(try await bench.service.deletePacket(.init(packetId: packet.id), caller: bench.caller()) == .noContent)
        guard case .ok(let expired) = try await bench.service.getPacket(.init(packetId: packet.id), caller: bench.caller()) else {
            Issue.record("get failed")
            return
        }
        #expect(expired.status == .expired)
        let again = await ServiceError.thrown { _ = try await bench.service.deletePacket(.init(packetId: packet.id), caller: bench.caller()) }
        #expect(again?.statusCode == 409)
        #expect(try await bench.history(packet.id) == ["created", "expired"])
    }

    @Test("another tenant's packet is 404 everywhere")
    func tenantIsolation() async throws {
        let bench = try await PacketTestBench()
        let packet = try await bench.create()
        let stranger = bench.caller(.admin, tenantID: "someone-else")
        let get = await ServiceError.thrown { _ = try await bench.service.getPacket(.init(packetId: packet.id), caller: stranger) }
        #expect(get?.statusCode == 404)
        let claim = await ServiceError.thrown {
            _ = try await bench.service.claimPacket(.init(packetId: packet.id, body: ClaimRequest(agentId: "x", agentName: "X")), caller: stranger)
        }
        #expect(claim?.statusCode == 404)
        let history = await ServiceError.thrown { _ = try await bench.service.getPacketHistory(.init(packetId: packet.id), caller: stranger) }
        #expect(history?.statusCode == 404)
    }
}

/// A mutable clock offset for tests that move time.
final class TimeOffset: @unchecked Sendable {
    private let lock = NSLock()
    private var value: TimeInterval = 0
    var seconds: TimeInterval {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
