import ArgumentParser
import Foundation
import HandoffRailCodegen

/// `generate-committed`: regenerates `Generated/<Target>/` for every target that carries a
/// `handoffrail-codegen.json`, the reviewed copy of what the build plugin generates.
struct GenerateCommitted: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-committed",
        abstract: "Regenerate Generated/ (the committed copy) for every configured target.")

    @Option(help: "The package root.")
    var packageRoot: String = "."

    @Option(help: "Write into this directory instead of <package-root>/Generated (tests use it).")
    var outputDirectory: String?

    func run() throws {
        let root = URL(fileURLWithPath: packageRoot)
        let output = outputDirectory.map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent("Generated")
        let started = ContinuousClock.now
        let written = try CommittedCopy.regenerate(packageRoot: root, into: output)
        let elapsed = ContinuousClock.now - started
        print("handoffrail-codegen: regenerated \(output.path) (\(written) file(s) changed) in \(elapsed.formatted(.units(allowed: [.milliseconds])))")
    }
}
