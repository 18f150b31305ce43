import Foundation

/// What one run of the `handoffrail` binary did.
struct CLIResult: Sendable, CustomStringConvertible {
    /// The exit status (128 + n when killed by signal n).
    var status: Int32
    var stdout: String
    var stderr: String

    /// stderr's non-empty lines.
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Runs the built `handoffrail` binary as a subprocess with a controlled environment.
///
/// The environment holds only `PATH`, `HOME` (a temporary directory, so a developer's own
/// `~/.handoffrail.toml` cannot leak in), `HANDOFFRAIL_CONFIG` (a file that does not exist,
/// unless the test sets one), `COLUMNS=80` (stable help text), the server's URL and admin
/// key when a server is given, and whatever `environment` adds.
///
/// ```swift
/// let result = try await CLI.run(["packets", "list", "--format", "json"], server: server)
/// #expect(result.status == 0)
/// ```
enum CLI {
    /// Seconds a single command may take before it is killed (bounds failure only).
    static let timeout: Double = 180

    static func run(_ arguments: [String], server: HandoffRailServerProcess? = nil, environment extra: [String: String] = [:],
                    stdin: Data? = nil, workingDirectory: URL? = nil) async throws -> CLIResult {
        let scratch = try TemporaryDirectory(prefix: "handoffrail-cli-run")
        defer { scratch.remove() }
        let child = try await launch(arguments, server: server, environment: extra, stdin: stdin, workingDirectory: workingDirectory, scratch: scratch)
        let status = try await child.waitForExit(timeout: timeout)
        return CLIResult(status: status, stdout: child.stdout, stderr: child.stderr)
    }

    /// Starts the binary without waiting (for `events`, which runs until stopped); its output
    /// files live in `scratch`, which the caller removes.
    static func launch(_ arguments: [String], server: HandoffRailServerProcess? = nil, environment extra: [String: String] = [:],
                       stdin: Data? = nil, workingDirectory: URL? = nil, scratch: TemporaryDirectory) async throws -> ChildProcess {
        var environment: [String: String] = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": scratch.url.path,
            "HANDOFFRAIL_CONFIG": scratch.path("absent.toml"),
            "COLUMNS": "80",
        ]
        if let server {
            environment["HANDOFFRAIL_URL"] = server.baseURL.absoluteString
            environment["HANDOFFRAIL_API_KEY"] = server.adminKey
        }
        environment.merge(extra) { _, new in new }
        return try await ChildProcess(
            executable: BinaryLocation.handoffrail, arguments: arguments, environment: environment, stdin: stdin,
            stdoutURL: scratch.url.appendingPathComponent("stdout.txt"), stderrURL: scratch.url.appendingPathComponent("stderr.txt"),
            workingDirectory: workingDirectory)
    }
}
