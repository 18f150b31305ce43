import ArgumentParser
import Foundation
import HandoffRailCodegen

/// `generate`: one target's outputs (what the build plugin runs).
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Generate the outputs of one target into a directory.")

    @Option(help: "The OpenAPI 3.1 spec.")
    var spec: String = "spec/handoffrail.yaml"

    @Option(help: "A target's handoffrail-codegen.json naming the modes to generate.")
    var config: String?

    @Option(name: .customLong("mode"), help: "A mode to generate (repeatable): \(GeneratorMode.allCases.map(\.rawValue).joined(separator: ", ")).")
    var modes: [GeneratorMode] = []

    @Option(help: "Where to write the files.")
    var outputDirectory: String

    @Flag(help: "Print only errors.")
    var quiet = false

    func run() throws {
        var requested = modes
        if let config {
            requested += try CodegenConfiguration.load(from: URL(fileURLWithPath: config)).generate
        }
        guard !requested.isEmpty else {
            throw ValidationError("name at least one --mode or a --config file")
        }
        let started = ContinuousClock.now
        let files = try SpecRun.generate(specPath: spec, modes: requested, quiet: quiet)
        let written = try GeneratedFileWriter().write(files, to: URL(fileURLWithPath: outputDirectory))
        if !quiet {
            let elapsed = ContinuousClock.now - started
            print("handoffrail-codegen: \(files.count) file(s) for \(requested.map(\.rawValue).joined(separator: ", ")); \(written.count) changed; \(elapsed.formatted(.units(allowed: [.milliseconds])))")
        }
    }
}

extension GeneratorMode: ExpressibleByArgument {}
