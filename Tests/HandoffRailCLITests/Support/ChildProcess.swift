#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A child process whose stdout and stderr go to files (so a chatty child can never block on
/// a full pipe), awaited by polling with a deadline rather than by blocking a thread.
///
/// If the owner forgets to stop it (a test threw early), `deinit` kills it so no process
/// outlives the test run.
final class ChildProcess: @unchecked Sendable {
    /// Why waiting failed.
    struct TimedOut: Error, CustomStringConvertible {
        var command: String
        var seconds: Double
        var description: String { "\(command) did not exit within \(seconds) s (killed)" }
    }

    private let process: Process
    /// Where stdout goes.
    let stdoutURL: URL
    /// Where stderr goes.
    let stderrURL: URL
    private let commandLine: String

    /// Starts `executable` with `arguments` and exactly `environment` (in `workingDirectory`
    /// when given); `stdin` is fed from a file when given, else `/dev/null`.
    init(executable: URL, arguments: [String], environment: [String: String], stdin: Data? = nil,
         stdoutURL: URL, stderrURL: URL, workingDirectory: URL? = nil) throws {
        self.stdoutURL = stdoutURL
        self.stderrURL = stderrURL
        commandLine = ([executable.lastPathComponent] + arguments).joined(separator: " ")
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        if let stdin {
            let stdinURL = stdoutURL.deletingPathExtension().appendingPathExtension("stdin")
            try stdin.write(to: stdinURL)
            process.standardInput = try FileHandle(forReadingFrom: stdinURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The child's process id.
    var processIdentifier: Int32 { process.processIdentifier }

    /// Whether the child is still running.
    var isRunning: Bool { process.isRunning }

    /// Sends `signal` (SIGTERM, SIGKILL, …).
    func send(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    /// Waits for the child to exit and returns its exit status (128 + n for signal n);
    /// after `timeout` seconds it is killed and ``TimedOut`` thrown.
    func waitForExit(timeout: Double) async throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                send(SIGKILL)
                while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
                throw TimedOut(command: commandLine, seconds: timeout)
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        switch process.terminationReason {
        case .exit: return process.terminationStatus
        case .uncaughtSignal: return 128 + process.terminationStatus
        @unknown default: return process.terminationStatus
        }
    }

    /// What the child wrote to stdout so far.
    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    /// What the child wrote to stderr so far.
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }
}
