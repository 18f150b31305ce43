import Foundation

/// A fresh directory under the system's temporary directory, removed by ``remove()``.
///
/// ```swift
/// let directory = try TemporaryDirectory(prefix: "cli-batch")
/// defer { directory.remove() }
/// let file = directory.url.appendingPathComponent("packets.jsonl")
/// ```
struct TemporaryDirectory: Sendable {
    /// The directory.
    let url: URL

    /// Creates `<tmp>/<prefix>-<uuid>`.
    init(prefix: String = "handoffrail-cli") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Deletes the directory and everything in it.
    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
