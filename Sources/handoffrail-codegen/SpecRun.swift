import Foundation
import HandoffRailCodegen

/// Shared steps of the subcommands: reading the spec and printing diagnostics the way
/// compilers do (`file: warning: message [location]`), which Xcode and SwiftPM surface.
enum SpecRun {
    static func generate(specPath: String, modes: [GeneratorMode], quiet: Bool) throws -> [GeneratorPipeline.RenderedFile] {
        let text = try readSpec(specPath)
        do {
            let result = try GeneratorPipeline().run(specText: text, sourceName: specPath, modes: modes)
            if !quiet { report(result.diagnostics, specPath: specPath) }
            return result.files
        } catch let failure as GenerationFailed {
            report(failure.diagnostics, specPath: specPath)
            throw ExitCodeError(message: "generation failed: fix the errors above in \(specPath)")
        }
    }

    static func readSpec(_ path: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ExitCodeError(message: "cannot read the spec at \(path): \(error.localizedDescription)")
        }
    }

    static func report(_ diagnostics: [Diagnostic], specPath: String) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data("\(specPath): \(diagnostic)\n".utf8))
        }
    }
}

/// A failure whose message is the whole story.
struct ExitCodeError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
