import Foundation
import Testing

/// What a terminal gets and a pipe does not: colour (never with `NO_COLOR`) and the batch
/// progress bar (never with `--quiet`). Pipes are covered by every other test, which checks
/// that no escape sequence reaches them.
@Suite("terminal output", .serialized, .enabled(if: PseudoTerminal.isAvailable, "needs util-linux script"))
struct TerminalOutputTests {
    static let escape = "\u{1B}["

    @Test("tables are coloured on a terminal, and plain with NO_COLOR")
    func colourOnlyOnTerminals() async throws {
        try await HandoffRailServerProcess.withServer { server in
            let created = try await CLI.run(["packets", "create", "--from", "a", "--to", "b", "--summary", "Colourful", "-q"], server: server)
            #expect(created.status == 0, "\(created)")
            let coloured = try await PseudoTerminal.run(["packets", "list"], server: server)
            #expect(coloured.status == 0, "\(coloured)")
            #expect(coloured.stdout.contains(Self.escape + "1mID"), "bold header: \(coloured.stdout.debugDescription)")
            #expect(coloured.stdout.contains(Self.escape + "34mcreated"), "status in colour")
            let plain = try await PseudoTerminal.run(["packets", "list"], server: server, environment: ["NO_COLOR": "1"])
            #expect(plain.status == 0, "\(plain)")
            #expect(plain.stdout.contains("Colourful"))
            #expect(!plain.stdout.contains(Self.escape), "\(plain.stdout.debugDescription)")
        }
    }

    @Test("batch draws a progress bar on a terminal, not with --quiet")
    func progressBar() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("packets.jsonl")
        try Data((1...120).map { PacketFixtures.line(summary: "Progress \($0)") }.joined(separator: "\n").utf8).write(to: file)
        try await HandoffRailServerProcess.withServer { server in
            let shown = try await PseudoTerminal.run(["packets", "batch", "--file", file.path], server: server, workingDirectory: directory.url)
            #expect(shown.status == 0, "\(shown)")
            #expect(shown.stdout.contains("100%"), "\(shown.stdout.debugDescription)")
            #expect(shown.stdout.contains("120 lines  120 created"))
            let quiet = try await PseudoTerminal.run(["packets", "batch", "--file", file.path, "--quiet"], server: server, workingDirectory: directory.url)
            #expect(quiet.status == 0, "\(quiet)")
            #expect(!quiet.stdout.contains("%"))
            #expect(quiet.stdout.split(whereSeparator: \.isNewline).count == 120, "only the ids")
        }
    }
}
