#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// The test harness's own child processes: every CLI and server test starts one, while the
/// rest of the suite keeps hundreds of sockets and database files open in the same process.
@Suite("Child processes of the test harness")
struct ChildProcessTests {
    /// The soft limit on open descriptors: the test needs room for 1,500 beside the suite's own.
    static var descriptorLimit: Int {
        var limit = rlimit()
        return getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 ? Int(clamping: limit.rlim_cur) : 0
    }

    @Test("a child starts with only its standard descriptors while 1,500 more are open here",
          .enabled(if: descriptorLimit >= 8_192, "needs a soft RLIMIT_NOFILE of at least 8192"))
    func startsBesideManyOpenDescriptors() async throws {
        let scratch = try TemporaryDirectory(prefix: "handoffrail-child")
        defer { scratch.remove() }
        let extra = (0..<1_500).map { _ in open("/dev/null", O_RDONLY | O_CLOEXEC) }
        defer { extra.forEach { _ = close($0) } }
        let noCloseOnExec = open("/dev/null", O_RDONLY)
        defer { _ = close(noCloseOnExec) }
        #expect(extra.allSatisfy { $0 >= 0 } && noCloseOnExec >= 0)

        let child = try await ChildProcess(
            executable: URL(fileURLWithPath: "/bin/ls"), arguments: ["/proc/self/fd"], environment: [:],
            stdoutURL: scratch.url.appendingPathComponent("stdout.txt"), stderrURL: scratch.url.appendingPathComponent("stderr.txt"))
        #expect(try await child.waitForExit(timeout: 60) == 0, "\(child.stderr)")
        // 0, 1, 2 and what `ls` opens itself (the directory it lists); even the descriptor
        // opened without O_CLOEXEC stays behind.
        let descriptors = child.stdout.split(separator: "\n").compactMap { Int32($0) }
        #expect(descriptors.filter { $0 <= 2 } == [0, 1, 2], "\(child.stdout)")
        #expect(descriptors.filter { $0 > 2 }.count <= 2, "\(child.stdout)")
        #expect(!descriptors.contains(noCloseOnExec))
        #expect(!child.isRunning)
    }

    @Test("stdin comes from the given bytes, and the exit status and output are the child's")
    func feedsInputAndReportsStatus() async throws {
        let scratch = try TemporaryDirectory(prefix: "handoffrail-child")
        defer { scratch.remove() }
        let child = try await ChildProcess(
            executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "cat; echo oops >&2; exit 3"], environment: [:],
            stdin: Data("fed in\n".utf8),
            stdoutURL: scratch.url.appendingPathComponent("stdout.txt"), stderrURL: scratch.url.appendingPathComponent("stderr.txt"))
        #expect(try await child.waitForExit(timeout: 60) == 3)
        #expect(child.stdout == "fed in\n")
        #expect(child.stderr == "oops\n")
    }

    @Test("a child that outlives its timeout is killed, and a signal shows as 128 + n")
    func killsOnTimeout() async throws {
        let scratch = try TemporaryDirectory(prefix: "handoffrail-child")
        defer { scratch.remove() }
        let sleeper = try await ChildProcess(
            executable: URL(fileURLWithPath: "/bin/sleep"), arguments: ["600"], environment: [:],
            stdoutURL: scratch.url.appendingPathComponent("stdout.txt"), stderrURL: scratch.url.appendingPathComponent("stderr.txt"))
        await #expect(throws: ChildProcess.TimedOut.self) { try await sleeper.waitForExit(timeout: 0.5) }
        #expect(!sleeper.isRunning)

        let terminated = try await ChildProcess(
            executable: URL(fileURLWithPath: "/bin/sleep"), arguments: ["600"], environment: [:],
            stdoutURL: scratch.url.appendingPathComponent("stdout2.txt"), stderrURL: scratch.url.appendingPathComponent("stderr2.txt"))
        terminated.send(SIGTERM)
        #expect(try await terminated.waitForExit(timeout: 60) == 128 + SIGTERM)
    }

    @Test("a cancelled wait kills the child and ends with CancellationError instead of waiting for it",
          .timeLimit(.minutes(1)))
    func cancelledWaitKills() async throws {
        let scratch = try TemporaryDirectory(prefix: "handoffrail-child")
        defer { scratch.remove() }
        let sleeper = try await ChildProcess(
            executable: URL(fileURLWithPath: "/bin/sleep"), arguments: ["600"], environment: [:],
            stdoutURL: scratch.url.appendingPathComponent("stdout.txt"), stderrURL: scratch.url.appendingPathComponent("stderr.txt"))
        let waiting = Task { try await sleeper.waitForExit(timeout: 600) }
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        #expect(!sleeper.isRunning)
    }

    @Test("a missing executable is an error, not a hang")
    func missingExecutable() async throws {
        let scratch = try TemporaryDirectory(prefix: "handoffrail-child")
        defer { scratch.remove() }
        await #expect(throws: (any Error).self) {
            _ = try await ChildProcess(
                executable: URL(fileURLWithPath: "/nonexistent/handoffrail"), arguments: [], environment: [:],
                stdoutURL: scratch.url.appendingPathComponent("stdout.txt"), stderrURL: scratch.url.appendingPathComponent("stderr.txt"))
        }
    }
}
