import Foundation

/// Writes generated files into a directory, touching only files whose bytes changed so that
/// incremental builds and `git status` stay quiet when nothing changed.
package struct GeneratedFileWriter: Sendable {
    package init() {}

    /// Writes `files` into `directory`; returns the names actually written.
    @discardableResult
    package func write(_ files: [GeneratorPipeline.RenderedFile], to directory: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [String] = []
        for file in files {
            let url = directory.appendingPathComponent(file.name)
            let data = Data(file.contents.utf8)
            if let existing = try? Data(contentsOf: url), existing == data { continue }
            try data.write(to: url, options: .atomic)
            written.append(file.name)
        }
        return written
    }
}
