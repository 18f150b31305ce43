import Foundation
import HandoffRailModels
import HandoffRailService
import Testing

/// Random sequences of operations against one packet, checked against a model of
/// PROTOCOL.md's lifecycle: the packet never reaches a status the model forbids, every
/// accepted step adds exactly one history event (in order), and no refused step changes
/// anything.
@Suite("Packet state machine (property)")
struct PacketStateMachinePropertyTests {
    enum Step: CaseIterable {
        case claim, patchStatus, respond, delete, editSummary
    }

    /// The model: which statuses a step may move to, from which status.
    static func modelAllows(_ from: PacketStatus, _ to: PacketStatus) -> Bool {
        let table: [PacketStatus: Set<PacketStatus>] = [
            .created: [.claimed, .awaitingHuman, .failed, .expired],
            .claimed: [.inProgress, .awaitingHuman, .completed, .failed, .expired],
            .inProgress: [.awaitingHuman, .completed, .failed, .expired],
            .awaitingHuman: [.claimed, .inProgress, .failed, .expired],
            .failed: [.claimed, .expired],
        ]
        return table[from]?.contains(to) ?? false
    }

    static let statuses: [PacketStatus] = [.created, .claimed, .inProgress, .awaitingHuman, .completed, .failed, .expired]

    @Test("random transition sequences keep the lifecycle and the history", arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomSequences(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        let bench = try await PacketTestBench()
        for _ in 0..<6 {
            let startsAwaiting = Bool.random(using: &random)
            let packet = try await bench.create(.sample(hitl: startsAwaiting ? HitlCheckpoint(reason: "check") : nil))
            var status: PacketStatus = startsAwaiting ? .awaitingHuman : .created
            var expectedHistory = ["created"]
            for _ in 0..<25 {
                let step = Step.allCases.randomElement(using: &random)!
                let before = try await current(bench, packet.id)
                var accepted = false
                var next = status
                switch step {
                case .claim:
                    let outcome = try? await bench.claim(packet.id, agent: "agent-\(random.next() % 3)")
                    if case .ok = outcome {
                        accepted = true
                        next = .claimed
                        expectedHistory.append("claimed")
                    }
                    let allowed = (status == .created || status == .failed)
                    #expect(accepted == allowed, "claim from \(status.rawValue)")
                case .patchStatus:
                    let target = Self.statuses.randomElement(using: &random)!
                    if let updated = try? await bench.update(packet.id, PacketUpdate(status: target)) {
                        accepted = true
                        next = updated.status
                        expectedHistory.append(target == status ? "updated" : Self.historyName(target))
                    }
                    let allowed = status != .expired && (target == status || Self.modelAllows(status, target))
                    #expect(accepted == allowed, "patch \(status.rawValue) → \(target.rawValue)")
                case .respond:
                    let outcome = try? await bench.service.respondToPacket(
                        .init(packetId: packet.id, body: RespondRequest(response: "ok", respondedBy: "alice")), caller: bench.caller(.agent)
                    )
                    if case .ok = outcome {
                        accepted = true
                        next = .claimed
                        expectedHistory.append("hitl_responded")
                    }
                    #expect(accepted == (status == .awaitingHuman), "respond from \(status.rawValue)")
                case .delete:
                    let outcome = try? await bench.service.deletePacket(.init(packetId: packet.id), caller: bench.caller())
                    if outcome == .noContent {
                        accepted = true
                        next = .expired
                        expectedHistory.append("expired")
                    }
                    #expect(accepted == (status != .expired), "delete from \(status.rawValue)")
                case .editSummary:
                    let context = PacketContext(summary: "edited \(random.next() % 1000)")
                    if (try? await bench.update(packet.id, PacketUpdate(context: context))) != nil {
                        accepted = true
                        expectedHistory.append("updated")
                    }
                    #expect(accepted == (status != .expired), "edit in \(status.rawValue)")
                }
                let after = try await current(bench, packet.id)
                if accepted {
                    #expect(after.status == next)
                    status = next
                } else {
                    #expect(after == before, "a refused \(step) changed the packet")
                }
                #expect(Self.statuses.contains(after.status))
            }
            #expect(try await bench.history(packet.id) == expectedHistory)
        }
    }

    static func historyName(_ status: PacketStatus) -> String {
        status.rawValue
    }

    func current(_ bench: PacketTestBench, _ id: UUID) async throws -> Packet {
        guard case .ok(let packet) = try await bench.service.getPacket(.init(packetId: id), caller: bench.caller(.reader)) else {
            throw TestFailure("get failed")
        }
        return packet
    }
}

/// A small seeded generator so a failing sequence can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
