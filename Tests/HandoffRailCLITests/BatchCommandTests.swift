import Foundation
import HandoffRailModels
import Testing

/// `packets batch`: 1,000 lines with 3 bad ones, the reject file, and a re-run that creates
/// nothing twice.
@Suite("packets batch against a live server", .serialized)
struct BatchCommandTests {
    /// 1,000 lines; line 10 is not JSON, line 500 lacks the summary (caught before sending),
    /// line 999 names a schema the server does not know (refused by the server, per item).
    static func batchFile() -> (text: String, bad: [String]) {
        var lines: [String] = []
        var bad: [String] = []
        for number in 1...1000 {
            var line = PacketFixtures.line(summary: "Batch packet \(number)")
            switch number {
            case 10:
                line = #"{"metadata": {"source_agent": oops"#
                bad.append(line)
            case 500:
                line = #"{"context":{"custom":{"n":500}},"metadata":{"source_agent":{"id":"a","name":"A"},"target_agent":{"id":"b","name":"B"}}}"#
                bad.append(line)
            case 999:
                line = String(line.dropLast()) + #","schema_id":"00000000-0000-4000-8000-000000000999"}"#
                bad.append(line)
            default:
                break
            }
            lines.append(line)
        }
        return (lines.joined(separator: "\n") + "\n", bad)
    }

    @Test("1,000 lines, 3 bad: 997 created, the reject file holds exactly the 3, a re-run adds nothing")
    func batchWithRejectsAndRerun() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (text, bad) = Self.batchFile()
        #expect(bad.count == 3)
        let input = directory.url.appendingPathComponent("packets.jsonl")
        try Data(text.utf8).write(to: input)
        let rejectPath = directory.path("packets.rejects.jsonl")

        try await HandoffRailServerProcess.withServer { server in
            let first = try await CLI.run(["packets", "batch", "--file", input.path, "--format", "json"], server: server, workingDirectory: directory.url)
            #expect(first.status == 1, "rejected lines make the exit code 1: \(first)")
            let summary = try #require(first.json, "\(first)")
            #expect(summary["lines"] == 1000)
            #expect(summary["created"] == 997)
            #expect(summary["rejected"] == 3)
            #expect(summary["requests"] == 20)
            #expect(summary["packet_ids"]?.arrayValue?.count == 997)
            #expect(!first.stderr.contains("\u{1B}["), "no progress bar when stderr is not a terminal")
            for number in [10, 500, 999] { #expect(first.stderr.contains("line \(number):"), "\(first.stderr)") }
            #expect(first.stderr.contains("not found"), "the server's per-item error for line 999")

            let rejects = try String(contentsOfFile: rejectPath, encoding: .utf8)
            #expect(rejects == bad.joined(separator: "\n") + "\n")
            #expect(try await Self.total(server) == 997)

            let again = try await CLI.run(["packets", "batch", "--file", input.path, "--format", "json"], server: server, workingDirectory: directory.url)
            #expect(again.status == 1, "\(again)")
            #expect(again.json?["packet_ids"] == summary["packet_ids"], "the same packets, replayed")
            #expect(try await Self.total(server) == 997, "no duplicates")
            #expect(try String(contentsOfFile: rejectPath, encoding: .utf8) == bad.joined(separator: "\n") + "\n")

            // The rejected lines, fixed, go in with the reject file as input.
            let fixed = directory.url.appendingPathComponent("fixed.jsonl")
            try Data((1...3).map { PacketFixtures.line(summary: "Fixed \($0)") }.joined(separator: "\n").utf8).write(to: fixed)
            let retry = try await CLI.run(["packets", "batch", "--file", fixed.path, "--quiet"], server: server, workingDirectory: directory.url)
            #expect(retry.status == 0, "\(retry)")
            #expect(retry.stdout.split(separator: "\n").count == 3)
            #expect(try String(contentsOfFile: directory.path("fixed.rejects.jsonl"), encoding: .utf8).isEmpty)
            #expect(try await Self.total(server) == 1000)
        }
    }

    @Test("stdin input, table summary, a default reject file in the working directory")
    func batchFromStdin() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lines = (1...120).map { PacketFixtures.line(summary: "Piped \($0)") } + ["[1, 2, 3]"]
        try await HandoffRailServerProcess.withServer { server in
            let result = try await CLI.run(
                ["packets", "batch", "--file", "-"], server: server, stdin: Data(lines.joined(separator: "\n").utf8), workingDirectory: directory.url)
            #expect(result.status == 1, "\(result)")
            let rows = result.stdout.split(separator: "\n")
            #expect(rows.first?.hasPrefix("LINES") == true, "\(result)")
            #expect(rows.dropFirst().first?.split(separator: " ").prefix(4).map(String.init) == ["121", "120", "1", "3"])
            #expect(try String(contentsOfFile: directory.path("rejects.jsonl"), encoding: .utf8) == "[1, 2, 3]\n")
            #expect(result.stderr.contains("line 121: not a JSON object"))
        }
    }

    static func total(_ server: HandoffRailServerProcess) async throws -> Int {
        let result = try await CLI.run(["packets", "list", "--limit", "1", "--format", "json"], server: server)
        return try result.decode(PacketList.self).total
    }
}
