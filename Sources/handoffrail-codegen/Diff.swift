import ArgumentParser
import Foundation
import HandoffRailCodegen

/// `diff OLD NEW`: the spec compatibility checker for contributors.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List breaking and non-breaking changes between two versions of the spec; exit 1 on breaking changes.")

    @Argument(help: "The spec before the change (e.g. from `git show main:spec/handoffrail.yaml`).")
    var old: String

    @Argument(help: "The spec after the change.")
    var new: String

    func run() throws {
        let report = try Self.compare(oldPath: old, newPath: new)
        print(report.description)
        if report.hasBreakingChanges { throw ExitCode(1) }
    }

    static func compare(oldPath: String, newPath: String) throws -> SpecChangeReport {
        let old = try SpecLoader.document(text: SpecRun.readSpec(oldPath), sourceName: oldPath)
        let new = try SpecLoader.document(text: SpecRun.readSpec(newPath), sourceName: newPath)
        return SpecChangeReport(changes: SpecCompatibilityChecker().changes(from: old, to: new))
    }
}
