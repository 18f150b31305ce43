import Foundation

/// The committed copy of generated code: `Generated/<Target>/<File>.swift` for every target
/// under `Sources/` that carries a `handoffrail-codegen.json`.
package enum CommittedCopy {
    /// Regenerates every configured target into `output`; returns how many files changed.
    package static func regenerate(packageRoot: URL, into output: URL) throws -> Int {
        let specURL = packageRoot.appendingPathComponent("spec/handoffrail.yaml")
        let text = try String(contentsOf: specURL, encoding: .utf8)
        let targets = try configuredTargets(packageRoot: packageRoot)
        // Parse and translate once for every mode any target asks for, then hand each
        // target the files of its own modes.
        let modes = Array(Set(targets.flatMap(\.1.generate)))
        let files = try GeneratorPipeline().run(specText: text, sourceName: "spec/handoffrail.yaml", modes: modes).files
        var changed = 0
        for (target, configuration) in targets {
            let names = Set(configuration.generate.flatMap(\.outputFiles))
            changed += try GeneratedFileWriter().write(files.filter { names.contains($0.name) }, to: output.appendingPathComponent(target)).count
        }
        return changed
    }

    /// Targets with a configuration, sorted by name.
    package static func configuredTargets(packageRoot: URL) throws -> [(String, CodegenConfiguration)] {
        let sources = packageRoot.appendingPathComponent("Sources")
        let targets = try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted()
        return try targets.compactMap { target in
            let url = sources.appendingPathComponent(target).appendingPathComponent(CodegenConfiguration.fileName)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            return (target, try CodegenConfiguration.load(from: url))
        }
    }
}
