/// Tells a background loop (webhook dispatcher, expiry sweeper) to finish: set once, seen by
/// ``isStopped``, and ends any ``wait(upTo:)`` at once.
///
/// The server's `Service` wrappers call ``stop()`` on graceful shutdown: the loop finishes the
/// batch it is working on (so outcomes are recorded) instead of being cancelled mid-request.
///
/// ```swift
/// while !signal.isStopped {
///     try await doOnePass()
///     await signal.wait(upTo: .seconds(1))
/// }
/// ```
package final class StopSignal: Sendable {
    /// Generation 0 means running; ``stop()`` advances it, so any later generation means stopped.
    private let signal = GenerationSignal()

    package init() {}

    /// Whether ``stop()`` was called.
    package var isStopped: Bool {
        signal.generation > 0
    }

    /// Stops the loop and wakes every waiter; later waits return at once.
    package func stop() {
        signal.advance()
    }

    /// Suspends until ``stop()`` or until the task is cancelled.
    package func waitForStop() async {
        await signal.wait(past: 0)
    }

    /// Suspends for `duration`, or less when ``stop()`` is called, `alsoWakeOn` returns first
    /// (e.g. a commit announcement), or the task is cancelled.
    package func wait(upTo duration: Duration, alsoWakeOn other: (@Sendable () async -> Void)? = nil) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: duration) }
            group.addTask { await self.waitForStop() }
            if let other { group.addTask { await other() } }
            await group.next()
            group.cancelAll()
        }
    }
}
