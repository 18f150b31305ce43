#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Subprocess
import Synchronization
import SystemPackage

/// A child process whose stdout and stderr go to files (so a chatty child can never block on
/// a full pipe), awaited without blocking a thread.
///
/// It is started by swift-subprocess, not Foundation's `Process`: on Linux `Process.run()`
/// copies a fixed 256 bytes of every `/proc/self/fd` entry's name, which reads past the
/// listing's buffer once it is full, and crashed the test run with ~1,400 descriptors open
/// (every suite runs in parallel).
///
/// swift-subprocess runs a child inside one call's scope, but these children outlive the call
/// that starts them (a server runs across a whole test), so that scope lives in a task owned
/// by this object. The task ends when the child is reaped: `waitForExit` awaits it, and if the
/// owner forgets to stop the child (a test threw early), `deinit` kills it, so neither the
/// task nor the process outlives the test run.
final class ChildProcess: Sendable {
    /// Why waiting failed.
    struct TimedOut: Error, CustomStringConvertible {
        var command: String
        var seconds: Double
        var description: String { "\(command) did not exit within \(seconds) s (killed)" }
    }

    /// The child's process id.
    let processIdentifier: pid_t
    /// Where stdout goes.
    let stdoutURL: URL
    /// Where stderr goes.
    let stderrURL: URL
    private let commandLine: String
    /// The exit status (128 + n for signal n), once the child has been reaped.
    private let termination: Task<Int32, any Error>
    private let reaped: ReapedFlag

    /// Starts `executable` with `arguments` and exactly `environment` (in `workingDirectory`
    /// when given); `stdin` is fed from a file when given, else `/dev/null`.
    init(executable: URL, arguments: [String], environment: [String: String], stdin: Data? = nil,
         stdoutURL: URL, stderrURL: URL, workingDirectory: URL? = nil) async throws {
        self.stdoutURL = stdoutURL
        self.stderrURL = stderrURL
        let commandLine = ([executable.lastPathComponent] + arguments).joined(separator: " ")
        self.commandLine = commandLine
        var inputPath = FilePath("/dev/null")
        if let stdin {
            let stdinURL = stdoutURL.deletingPathExtension().appendingPathExtension("stdin")
            try stdin.write(to: stdinURL)
            inputPath = FilePath(stdinURL.path)
        }
        let streams = try StandardStreams(input: inputPath, output: FilePath(stdoutURL.path), error: FilePath(stderrURL.path))
        let reaped = ReapedFlag()
        self.reaped = reaped
        let launch = LaunchReport()
        termination = Task {
            defer { reaped.set() }
            do {
                let result = try await Subprocess.run(
                    .path(FilePath(executable.path)), arguments: Arguments(arguments),
                    environment: .custom(Dictionary(uniqueKeysWithValues: environment.map { (Environment.Key(stringLiteral: $0.key), $0.value) })),
                    workingDirectory: workingDirectory.map { FilePath($0.path) },
                    input: .fileDescriptor(streams.input, closeAfterSpawningProcess: true),
                    output: .fileDescriptor(streams.output, closeAfterSpawningProcess: true),
                    error: .fileDescriptor(streams.error, closeAfterSpawningProcess: true)
                ) { execution in
                    launch.report(.success(execution.processIdentifier.value))
                }
                switch result.terminationStatus {
                case .exited(let code): return code
                case .signaled(let signal): return 128 + signal
                }
            } catch {
                launch.report(.failure(error))
                throw error
            }
        }
        // Not cut short by cancellation: once the spawn has started, this object must exist to
        // own (and, in `deinit`, kill) the child.
        processIdentifier = try await launch.processIdentifier()
    }

    deinit {
        if !reaped.isSet { kill(processIdentifier, SIGKILL) }
    }

    /// Whether the child is still running (it has not been reaped yet).
    var isRunning: Bool { !reaped.isSet }

    /// Sends `signal` (SIGTERM, SIGKILL, …).
    func send(_ signal: Int32) {
        if isRunning { kill(processIdentifier, signal) }
    }

    /// Waits for the child to exit and returns its exit status (128 + n for signal n);
    /// after `timeout` seconds it is killed and ``TimedOut`` thrown.
    func waitForExit(timeout: Double) async throws -> Int32 {
        let termination = termination
        let status = try await withThrowingTaskGroup(of: Int32?.self) { group in
            group.addTask { try await termination.value }
            group.addTask { [self] in
                // Also when the wait is cancelled: the group cannot end before the child does.
                // Once the child is reaped, `send` does nothing.
                try? await Task.sleep(for: .seconds(timeout))
                send(SIGKILL)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let status else {
            _ = try? await termination.value
            try Task.checkCancellation()
            throw TimedOut(command: commandLine, seconds: timeout)
        }
        return status
    }

    /// What the child wrote to stdout so far.
    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    /// What the child wrote to stderr so far.
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }
}

/// The three descriptors a child starts with; the parent's copies are closed once it is spawned.
private struct StandardStreams: Sendable {
    var input: FileDescriptor
    var output: FileDescriptor
    var error: FileDescriptor

    /// Opens `input` for reading and truncates (or creates) `output` and `error` for writing.
    init(input: FilePath, output: FilePath, error: FilePath) throws {
        let writeOptions: FileDescriptor.OpenOptions = [.create, .truncate, .closeOnExec]
        self.input = try FileDescriptor.open(input, .readOnly, options: [.closeOnExec])
        do {
            self.output = try FileDescriptor.open(output, .writeOnly, options: writeOptions, permissions: .ownerReadWrite)
        } catch {
            try? self.input.close()
            throw error
        }
        do {
            self.error = try FileDescriptor.open(error, .writeOnly, options: writeOptions, permissions: .ownerReadWrite)
        } catch {
            try? self.input.close()
            try? self.output.close()
            throw error
        }
    }
}

/// The child's pid, or why it could not be started, handed from the task that runs it to
/// `init`; reported once, awaited once.
private final class LaunchReport: Sendable {
    private enum State {
        case pending
        case awaited(CheckedContinuation<pid_t, any Error>)
        case reported(Result<pid_t, any Error>)
    }

    private let state = Mutex(State.pending)

    /// Records the outcome (only the first report counts) and wakes the waiter, if any.
    func report(_ outcome: Result<pid_t, any Error>) {
        let waiter: CheckedContinuation<pid_t, any Error>? = state.withLock { state in
            switch state {
            case .pending:
                state = .reported(outcome)
                return nil
            case .awaited(let continuation):
                state = .reported(outcome)
                return continuation
            case .reported:
                return nil
            }
        }
        waiter?.resume(with: outcome)
    }

    /// The reported pid, waiting for the report if needed.
    func processIdentifier() async throws -> pid_t {
        try await withCheckedThrowingContinuation { continuation in
            let outcome: Result<pid_t, any Error>? = state.withLock { state in
                if case .reported(let outcome) = state { return outcome }
                state = .awaited(continuation)
                return nil
            }
            if let outcome { continuation.resume(with: outcome) }
        }
    }
}

/// Set once the child has been reaped, after which its pid may belong to another process.
private final class ReapedFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}
