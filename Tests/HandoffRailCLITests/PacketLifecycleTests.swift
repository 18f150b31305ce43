import Foundation
import HandoffRailModels
import Testing

/// The rest of `packets`: update, complete, fail, respond, awaiting, history, chain, search,
/// delete, each checked through the packet the server then returns.
@Suite("packet lifecycle commands against a live server", .serialized)
struct PacketLifecycleTests {
    @Test("claim → update in_progress → complete; history lists every step; chain and delete")
    func fullRun() async throws {
        try await HandoffRailServerProcess.withServer { server in
            func run(_ arguments: [String]) async throws -> CLIResult {
                let result = try await CLI.run(arguments, server: server)
                #expect(result.status == 0, "\(arguments): \(result)")
                return result
            }
            let id = try await run(["packets", "create", "--from", "planner", "--to", "pool", "--summary", "Refund the damaged kettle", "-q"])
                .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try await run(["packets", "claim", id, "--agent-id", "billing-01", "--agent-name", "Billing"])
            let started = try await run(["packets", "update", id, "--status", "in_progress", "--format", "json"])
            #expect(try started.decode(Packet.self).status == .inProgress)
            let completed = try await run(["packets", "complete", id, "--format", "json"])
            #expect(try completed.decode(Packet.self).metadata.completedAt != nil)
            let history = try await run(["packets", "history", id, "--format", "json"])
            #expect(try history.decode(PacketHistory.self).events.map(\.eventType) == ["created", "claimed", "in_progress", "completed"])

            let child = try await run(["packets", "chain", id, "--from", "billing-01", "--to", "payments-01", "--summary", "Pay out", "--format", "json"])
            #expect(try child.decode(Packet.self).parentPacketId?.uuidString.lowercased() == id)
            let found = try await run(["packets", "search", "kettles", "--format", "json"])
            #expect(try found.decode(PacketList.self).packets.map { $0.id.uuidString.lowercased() } == [id], "stemmed search")

            let deleted = try await run(["packets", "delete", id])
            #expect(deleted.stdout.contains("expired"))
            let again = try await CLI.run(["packets", "delete", id], server: server)
            #expect(again.status == 1, "deleting an expired packet is a conflict: \(again)")
        }
    }

    @Test("fail records the reason; respond answers the HITL queue")
    func failAndRespond() async throws {
        try await HandoffRailServerProcess.withServer { server in
            let failing = try await CLI.run(["packets", "create", "--from", "a", "--to", "b", "--summary", "Doomed", "-q"], server: server)
            let failingID = failing.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let failed = try await CLI.run(["packets", "fail", failingID, "--reason", "provider down", "--by", "b", "--format", "json"], server: server)
            #expect(failed.status == 0, "\(failed)")
            let packet = try failed.decode(Packet.self)
            #expect(packet.status == .failed)
            #expect(packet.decisions.contains { $0.rationale == "provider down" && $0.decidedBy == "b" })

            let waiting = try await CLI.run([
                "packets", "create", "--from", "a", "--to", "b", "--summary", "Approve?", "--hitl-reason", "over limit",
                "--hitl-option", "approve", "--hitl-option", "reject", "-q",
            ], server: server)
            let waitingID = waiting.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let queue = try await CLI.run(["packets", "awaiting", "--quiet"], server: server)
            #expect(queue.stdout.split(separator: "\n").map(String.init) == [waitingID])
            let answered = try await CLI.run(
                ["packets", "respond", waitingID, "--response", "approve", "--by", "alice", "--notes", "ok", "--format", "json"], server: server)
            #expect(answered.status == 0, "\(answered)")
            let responded = try answered.decode(Packet.self)
            #expect(responded.status == .claimed)
            #expect(responded.hitl?.response == "approve")
            #expect(responded.hitl?.respondedBy == "alice")
        }
    }
}
