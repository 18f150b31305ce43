import Foundation
import Testing

/// `handoffrail … --help` for every command, compared exactly with the committed snapshots
/// (see ``HelpSnapshots`` for re-recording).
@Suite("--help snapshots")
struct HelpSnapshotTests {
    @Test("help text matches its snapshot", arguments: HelpSnapshots.commands)
    func help(command: [String]) async throws {
        let result = try await CLI.run(command + ["--help"])
        #expect(result.status == 0, "\(result)")
        let file = HelpSnapshots.file(for: command)
        if HelpSnapshots.isRecording {
            try FileManager.default.createDirectory(at: HelpSnapshots.directory, withIntermediateDirectories: true)
            try Data(result.stdout.utf8).write(to: file)
            Issue.record("recorded \(file.lastPathComponent); run again without HANDOFFRAIL_RECORD_SNAPSHOTS to compare")
            return
        }
        let expected = try #require(
            try? String(contentsOf: file, encoding: .utf8),
            "no snapshot \(file.lastPathComponent); record with HANDOFFRAIL_RECORD_SNAPSHOTS=1")
        #expect(result.stdout == expected, "help of '\(command.joined(separator: " "))' differs from \(file.lastPathComponent)")
    }

    @Test("the snapshot directory holds exactly one file per command")
    func noStaleSnapshots() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: HelpSnapshots.directory.path).filter { $0.hasSuffix(".txt") }
        #expect(Set(names) == Set(HelpSnapshots.commands.map { HelpSnapshots.file(for: $0).lastPathComponent }))
    }
}
