import Foundation

/// Locations in the source tree, found from this file so tests run from any directory.
enum PackageRoot {
    /// The package root (the folder holding Package.swift).
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/HandoffRailCodegenTests/Goldens`.
    static let goldens = url.appendingPathComponent("Tests/HandoffRailCodegenTests/Goldens")

    /// Set `HANDOFFRAIL_RECORD_GOLDENS=1` to rewrite expected files; the run then fails on purpose.
    static var isRecording: Bool { ProcessInfo.processInfo.environment["HANDOFFRAIL_RECORD_GOLDENS"] == "1" }
}

/// A unified-style listing of the first differing lines, for readable failures.
func lineDiff(expected: String, actual: String, context: Int = 3) -> String {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    guard let first = zip(expectedLines, actualLines).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
            ?? (expectedLines.count == actualLines.count ? nil : min(expectedLines.count, actualLines.count))
    else { return "(identical)" }
    let start = max(0, first - context)
    var out = "first difference at line \(first + 1):\n"
    for index in start..<min(max(expectedLines.count, actualLines.count), first + context + 1) {
        let e = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
        let a = index < actualLines.count ? String(actualLines[index]) : "<end>"
        out += e == a ? "  \(e)\n" : "- \(e)\n+ \(a)\n"
    }
    return out
}
