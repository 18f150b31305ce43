#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real `handoffrail serve` child process for end-to-end tests: bound to 127.0.0.1 on a
/// port the kernel picks (port 0; the port is read from the server's "listening on" log
/// line), its own SQLite database, a known bootstrap admin key, rate limits out of the way.
///
/// ```swift
/// try await HandoffRailServerProcess.withServer { server in
///     let result = try await CLI.run(["packets", "list"], server: server)
/// }
/// ```
///
/// For crash tests, start on an explicit database, ``kill()`` (SIGKILL) and start again on
/// the same file with the same key:
///
/// ```swift
/// let directory = try TemporaryDirectory()
/// defer { directory.remove() }
/// let first = try await HandoffRailServerProcess.start(databasePath: directory.path("db.sqlite"), logPath: directory.path("1.log"))
/// await first.kill()
/// let second = try await HandoffRailServerProcess.start(
///     databasePath: directory.path("db.sqlite"), logPath: directory.path("2.log"), adminKey: first.adminKey)
/// defer { Task { await second.stop() } }
/// ```
final class HandoffRailServerProcess: Sendable {
    /// Why the server did not come up.
    struct StartFailure: Error, CustomStringConvertible {
        var reason: String
        var log: String
        var description: String { "\(reason); server log:\n\(log.suffix(4000))" }
    }

    /// The server's root URL (`http://127.0.0.1:<port>`).
    let baseURL: URL
    /// The admin key of the operator tenant.
    let adminKey: String
    /// The SQLite database file.
    let databasePath: String
    /// Where the server's stdout goes (stderr: the same path + `.stderr`).
    let logPath: String
    private let child: ChildProcess

    /// Seconds to wait for the server to listen and answer `/health` (a loaded 2-core machine
    /// can be slow; this bounds failure, not success).
    static let startTimeout: Double = 120

    private init(baseURL: URL, adminKey: String, databasePath: String, logPath: String, child: ChildProcess) {
        self.baseURL = baseURL
        self.adminKey = adminKey
        self.databasePath = databasePath
        self.logPath = logPath
        self.child = child
    }

    /// The server's process id.
    var processIdentifier: Int32 { child.processIdentifier }

    /// Starts a server on `databasePath`, logging to `logPath`, and waits until `/health` answers.
    ///
    /// - Parameter environment: extra variables (e.g. `HANDOFFRAIL_ALLOW_PRIVATE_WEBHOOKS=1`);
    ///   they win over the defaults set here.
    static func start(databasePath: String, logPath: String, adminKey: String = randomAdminKey(),
                      environment extra: [String: String] = [:]) async throws -> HandoffRailServerProcess {
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !key.hasPrefix("HANDOFFRAIL_") && !key.hasPrefix("HR_")
        }
        environment["HANDOFFRAIL_BOOTSTRAP_ADMIN_KEY"] = adminKey
        environment["HR_RATE_LIMIT_PER_MINUTE"] = "1000000"
        environment["HR_RATE_LIMIT_TIERS"] = #"{"free":1000000,"pro":1000000,"business":1000000}"#
        environment["HR_DISABLE_DAILY_LIMIT"] = "1"
        environment.merge(extra) { _, new in new }
        let logURL = URL(fileURLWithPath: logPath)
        let child = try await ChildProcess(
            executable: BinaryLocation.handoffrail,
            arguments: ["serve", "--host", "127.0.0.1", "--port", "0", "--database", databasePath, "--log-level", "info"],
            environment: environment, stdoutURL: logURL, stderrURL: logURL.appendingPathExtension("stderr"))
        let deadline = Date().addingTimeInterval(startTimeout)
        let port = try await waitForPort(child: child, deadline: deadline)
        let server = HandoffRailServerProcess(
            baseURL: URL(string: "http://127.0.0.1:\(port)")!, adminKey: adminKey, databasePath: databasePath,
            logPath: logPath, child: child)
        do {
            try await server.waitForHealth(deadline: deadline)
        } catch {
            await server.kill()
            throw error
        }
        return server
    }

    /// Runs `body` with a fresh server in a temporary directory; stops it and deletes the
    /// directory afterwards, whether `body` returned or threw.
    static func withServer<Result>(environment: [String: String] = [:],
                                   _ body: (HandoffRailServerProcess) async throws -> Result) async throws -> Result {
        let directory = try TemporaryDirectory(prefix: "handoffrail-server")
        defer { directory.remove() }
        let server = try await start(databasePath: directory.path("handoffrail.sqlite"), logPath: directory.path("server.log"), environment: environment)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// SIGTERM, then SIGKILL if it has not exited within 30 s.
    func stop() async {
        child.send(SIGTERM)
        if (try? await child.waitForExit(timeout: 30)) == nil { await kill() }
    }

    /// SIGKILL (a crash: nothing is drained or flushed), and waits until it is gone.
    func kill() async {
        child.send(SIGKILL)
        _ = try? await child.waitForExit(timeout: 30)
    }

    /// The server's log so far (stdout and stderr).
    var log: String { child.stdout + child.stderr }

    /// A random admin key in the protocol's format.
    static func randomAdminKey() -> String {
        "hr_clitest_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    private static func waitForPort(child: ChildProcess, deadline: Date) async throws -> Int {
        let pattern = try NSRegularExpression(pattern: "listening on 127\\.0\\.0\\.1:([0-9]+)")
        while Date() < deadline {
            let log = child.stdout + child.stderr
            if let match = pattern.firstMatch(in: log, range: NSRange(log.startIndex..., in: log)),
               let range = Range(match.range(at: 1), in: log), let port = Int(log[range]), port > 0 {
                return port
            }
            guard child.isRunning else {
                throw StartFailure(reason: "handoffrail serve exited during start-up", log: log)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        child.send(SIGKILL)
        throw StartFailure(reason: "handoffrail serve did not listen within \(startTimeout) s", log: child.stdout + child.stderr)
    }

    private func waitForHealth(deadline: Date) async throws {
        let url = baseURL.appendingPathComponent("health")
        while Date() < deadline {
            if let (_, response) = try? await URLSession.shared.data(from: url),
               (response as? HTTPURLResponse)?.statusCode == 200 {
                return
            }
            guard child.isRunning else { throw StartFailure(reason: "handoffrail serve exited during start-up", log: log) }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw StartFailure(reason: "/health did not answer 200 within \(Self.startTimeout) s", log: log)
    }
}
