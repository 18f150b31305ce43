import Foundation

/// How a ``HandoffRailClient`` waits between retries.
///
/// Why: tests of retry behaviour should neither take seconds nor depend on timing; they
/// inject a sleeper that records the requested delays and returns at once.
///
/// ```swift
/// let delays = DelayRecorder()   // an actor of your own
/// let sleeper = RetrySleeper { seconds in await delays.record(seconds) }
/// let client = HandoffRailClient(transport: transport, apiKey: key, sleeper: sleeper)
/// ```
public struct RetrySleeper: Sendable {
    /// Waits `seconds`; throws `CancellationError` when the task is cancelled.
    public var sleep: @Sendable (_ seconds: TimeInterval) async throws -> Void

    /// A sleeper running `sleep` for each wait.
    public init(sleep: @escaping @Sendable (_ seconds: TimeInterval) async throws -> Void) {
        self.sleep = sleep
    }

    /// Really waits, with `Task.sleep` on the continuous clock.
    public static let live = RetrySleeper { seconds in
        try await Task.sleep(for: .milliseconds(Int((max(0, seconds) * 1000).rounded())))
    }
}
