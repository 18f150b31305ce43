import Foundation
import HandoffRailModels
import Testing

/// `handoffrail events` follows the live stream like `tail -f`: one JSON line per event, as
/// the events happen, filtered by channel.
@Suite("events command against a live server", .serialized)
struct EventsCommandTests {
    @Test("follows events as they happen; --status filters; --count ends the stream")
    func followsLiveEvents() async throws {
        let scratch = try TemporaryDirectory(prefix: "handoffrail-events")
        defer { scratch.remove() }
        try await HandoffRailServerProcess.withServer { server in
            let follower = try await CLI.launch(["events", "--status", "claimed", "--count", "1", "--format", "json"], server: server, scratch: scratch)
            let connected = await Self.wait(timeout: 60) { follower.stderr.contains("connected to") }
            #expect(connected, "\(follower.stderr)")

            let created = try await CLI.run(["packets", "create", "--from", "planner", "--to", "pool", "--summary", "Watched", "-q"], server: server)
            let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let claimed = try await CLI.run(["packets", "claim", id, "--agent-id", "billing-01"], server: server)
            #expect(claimed.status == 0, "\(claimed)")

            let status = try await follower.waitForExit(timeout: 120)
            #expect(status == 0, "\(follower.stderr)")
            let lines = follower.stdout.split(separator: "\n")
            #expect(lines.count == 1, "only the claim, not the creation: \(follower.stdout)")
            let event = try JSONValue(parsing: Data(try #require(lines.first).utf8))
            #expect(event["type"] == "packet.claimed")
            #expect(event["packet_id"] == .string(id))
            #expect(event["data"]?["status"] == "claimed")
        }
    }

    static func wait(timeout: Double, until condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }
}
