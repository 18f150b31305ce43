import Foundation

/// Runs the binary on a pseudo-terminal through util-linux `script`, so that stdout and
/// stderr are terminals: what a person at a terminal sees (colour, progress bars), with both
/// streams merged into ``CLIResult/stdout``.
///
/// ```swift
/// let result = try await PseudoTerminal.run(["packets", "list"], server: server)
/// #expect(result.stdout.contains("\u{1B}[1m"))
/// ```
enum PseudoTerminal {
    /// util-linux `script`; tests using it are skipped where it is missing.
    static let script = URL(fileURLWithPath: "/usr/bin/script")

    /// Whether `script` is available (util-linux, Linux).
    static var isAvailable: Bool {
        #if os(Linux)
        FileManager.default.isExecutableFile(atPath: script.path)
        #else
        false
        #endif
    }

    static func run(_ arguments: [String], server: HandoffRailServerProcess, environment extra: [String: String] = [:],
                    workingDirectory: URL? = nil) async throws -> CLIResult {
        let scratch = try TemporaryDirectory(prefix: "handoffrail-pty")
        defer { scratch.remove() }
        let command = ([BinaryLocation.handoffrail.path] + arguments).map(quoted).joined(separator: " ")
        var environment: [String: String] = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": scratch.url.path, "SHELL": "/bin/sh", "TERM": "xterm", "COLUMNS": "120",
            "HANDOFFRAIL_CONFIG": scratch.path("absent.toml"),
            "HANDOFFRAIL_URL": server.baseURL.absoluteString, "HANDOFFRAIL_API_KEY": server.adminKey,
        ]
        environment.merge(extra) { _, new in new }
        let child = try await ChildProcess(
            executable: script, arguments: ["-q", "-e", "-c", command, "/dev/null"], environment: environment,
            stdoutURL: scratch.url.appendingPathComponent("stdout.txt"), stderrURL: scratch.url.appendingPathComponent("stderr.txt"),
            workingDirectory: workingDirectory)
        let status = try await child.waitForExit(timeout: CLI.timeout)
        return CLIResult(status: status, stdout: child.stdout, stderr: child.stderr)
    }

    /// `text` single-quoted for `/bin/sh`.
    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
