import Synchronization

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
    private struct State {
        var stopped = false
        var nextWaiterID: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var cancelledWaiters: Set<UInt64> = []
    }

    private let state = Mutex(State())

    package init() {}

    /// Whether ``stop()`` was called.
    package var isStopped: Bool {
        state.withLock { $0.stopped }
    }

    /// Stops the loop and wakes every waiter; later waits return at once.
    package func stop() {
        let waiters = state.withLock { state in
            state.stopped = true
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Suspends until ``stop()`` or until the task is cancelled.
    package func waitForStop() async {
        let id = state.withLock { state in
            defer { state.nextWaiterID &+= 1 }
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.stopped || state.cancelledWaiters.remove(id) != nil { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                if let waiter = state.waiters.removeValue(forKey: id) { return Optional(waiter) }
                state.cancelledWaiters.insert(id)
                return nil
            }
            waiter?.resume()
        }
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
