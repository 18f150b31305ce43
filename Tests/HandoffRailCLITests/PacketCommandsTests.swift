import Foundation
import HandoffRailModels
import Testing

/// `packets create|list|claim` against a live `handoffrail serve`, through the built binary.
@Suite("packets commands against a live server", .serialized)
struct PacketCommandsTests {
    @Test("create from a JSON file and from stdin: the packet as sent, JSON output decodes as a Packet")
    func createFromFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("packet.json")
        try PacketFixtures.packet(summary: "Refund order 1042").serializedData().write(to: file)
        try await HandoffRailServerProcess.withServer { server in
            let created = try await CLI.run(["packets", "create", "--file", file.path, "--format", "json"], server: server)
            #expect(created.status == 0, "\(created)")
            let packet = try created.decode(Packet.self)
            #expect(packet.context.summary == "Refund order 1042")
            #expect(packet.status == .created)
            #expect(packet.metadata.sourceAgent.framework == "langchain")
            #expect(packet.metadata.tags == ["refunds", "cli"])
            #expect(packet.context.custom["score"] == .number(0.75))
            #expect(packet.context.custom["attempts"] == .integer(2))
            #expect(packet.decisions.map(\.id) == ["d1"])

            let stdin = PacketFixtures.packet(summary: "From stdin").serializedData()
            let piped = try await CLI.run(["packets", "create", "--file", "-", "--quiet"], server: server, stdin: stdin)
            #expect(piped.status == 0, "\(piped)")
            let id = try #require(UUID(uuidString: piped.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
            let fetched = try await CLI.run(["packets", "get", id.uuidString, "--format", "json"], server: server)
            #expect(try fetched.decode(Packet.self).context.summary == "From stdin")
        }
    }

    @Test("create from flags builds the packet; an invalid file is refused before sending, every issue on one line")
    func createFromFlagsAndInvalidFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await HandoffRailServerProcess.withServer { server in
            let created = try await CLI.run([
                "packets", "create", "--from", "planner", "--to", "billing-01", "--summary", "Flags only",
                "--priority", "critical", "--tag", "a", "--tag", "b", "--custom", "order=1042", "--custom", "note=hi",
                "--hitl-reason", "Needs approval", "--hitl-option", "yes", "--hitl-option", "no", "--format", "json",
            ], server: server)
            #expect(created.status == 0, "\(created)")
            let packet = try created.decode(Packet.self)
            #expect(packet.metadata.priority == .critical)
            #expect(packet.metadata.tags == ["a", "b"])
            #expect(packet.context.custom == ["order": .integer(1042), "note": "hi"])
            #expect(packet.status == .awaitingHuman)
            #expect(packet.hitl?.options == ["yes", "no"])

            let bad = directory.url.appendingPathComponent("bad.json")
            try Data(#"{"metadata": {"priority": "urgent"}, "context": {"summary": ""}}"#.utf8).write(to: bad)
            let refused = try await CLI.run(["packets", "create", "--file", bad.path], server: server)
            #expect(refused.status == 1)
            #expect(refused.stderrLines.count == 1, "\(refused)")
            for location in ["body.context.summary", "body.metadata.priority", "body.metadata.source_agent"] {
                #expect(refused.stderr.contains(location), "\(location) in \(refused.stderr)")
            }
            let verbose = try await CLI.run(["packets", "create", "--file", bad.path, "--verbose"], server: server)
            #expect(verbose.status == 1)
            #expect(verbose.stderrLines.count > 1)
            #expect(verbose.stderr.contains(#""loc""#))
        }
    }

    @Test("list as an aligned table and as the server's JSON page")
    func listAsTableAndJSON() async throws {
        try await HandoffRailServerProcess.withServer { server in
            var ids: [String] = []
            for (index, summary) in ["First handoff", "Second handoff", "Third, with a longer summary"].enumerated() {
                let result = try await CLI.run(
                    ["packets", "create", "--from", "planner", "--to", "agent-\(index)", "--summary", summary, "--quiet"], server: server)
                #expect(result.status == 0, "\(result)")
                ids.append(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            }

            let table = try await CLI.run(["packets", "list"], server: server)
            #expect(table.status == 0, "\(table)")
            #expect(!table.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
            let lines = table.stdout.split(separator: "\n").map(String.init)
            let header = try #require(lines.first)
            #expect(header.hasPrefix("ID"))
            let rows = lines.dropFirst().prefix(3)
            #expect(rows.map { String($0.prefix(36)) } == ids.reversed(), "newest first")
            for column in ["STATUS", "PRIORITY", "FROM", "TO", "CREATED", "SUMMARY"] {
                let offset = try #require(header.range(of: column)).lowerBound.utf16Offset(in: header)
                for row in rows {
                    let cellStart = row.index(row.startIndex, offsetBy: offset)
                    #expect(row[row.index(before: cellStart)] == " ", "\(column) column aligned in \(row)")
                    #expect(row[cellStart] != " ", "\(column) column aligned in \(row)")
                }
            }
            #expect(lines.last == "3 of 3 packets")

            let json = try await CLI.run(["packets", "list", "--format", "json", "--limit", "2"], server: server)
            #expect(json.status == 0, "\(json)")
            let page = try json.decode(PacketList.self)
            #expect(page.total == 3)
            #expect(page.packets.map(\.id.uuidString).map { $0.lowercased() } == Array(ids.reversed().prefix(2)))
            let cursor = try #require(page.nextCursor)
            let next = try await CLI.run(["packets", "list", "--format", "json", "--cursor", cursor], server: server)
            #expect(try next.decode(PacketList.self).packets.map(\.id.uuidString).map { $0.lowercased() } == [ids[0]])

            let all = try await CLI.run(["packets", "list", "--all", "--limit", "1", "--format", "json"], server: server)
            #expect(try all.decode([Packet].self).count == 3)
        }
    }

    @Test("a second claim exits 1 with one line naming the holder; the first holder keeps the packet")
    func claimConflict() async throws {
        try await HandoffRailServerProcess.withServer { server in
            let created = try await CLI.run(["packets", "create", "--from", "planner", "--to", "pool", "--summary", "Contested", "-q"], server: server)
            let id = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let first = try await CLI.run(["packets", "claim", id, "--agent-id", "billing-01", "--agent-name", "Billing", "--format", "json"], server: server)
            #expect(first.status == 0, "\(first)")
            #expect(try first.decode(Packet.self).status == .claimed)

            let second = try await CLI.run(["packets", "claim", id, "--agent-id", "billing-02"], server: server)
            #expect(second.status == 1, "\(second)")
            #expect(second.stdout.isEmpty)
            #expect(second.stderrLines.count == 1, "\(second)")
            #expect(second.stderr.contains("already claimed"))
            #expect(second.stderr.contains("billing-01"))
            #expect(!second.stderr.contains(server.adminKey))

            let packet = try await CLI.run(["packets", "get", id, "--format", "json"], server: server)
            #expect(try packet.decode(Packet.self).metadata.targetAgent.id == "billing-01")
        }
    }
}
