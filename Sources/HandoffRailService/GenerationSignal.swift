import Synchronization

/// A counter that tasks can wait on: ``advance()`` bumps it and wakes every waiter, and
/// ``wait(past:)`` suspends until the counter is past a value the caller saw earlier.
///
/// This is the one piece of waiter bookkeeping behind ``CommitSignal`` ("a commit happened")
/// and `StopSignal` ("stop was requested"): both are a generation that only grows, plus tasks
/// that sleep until it moves. Reading the generation *before* doing the work and then waiting
/// past it means an advance landing in between is never missed; many advances between two
/// waits collapse into one wake-up. Advancing never blocks.
///
/// Cancelling a waiting task ends its wait at once (without an advance). A cancellation that
/// arrives before the waiter is registered is remembered, so it cannot be lost either.
///
/// ```swift
/// let signal = GenerationSignal()
/// let seen = signal.generation
/// try await doOnePass()
/// await signal.wait(past: seen)   // returns at once if someone called advance() meanwhile
/// ```
package final class GenerationSignal: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var nextWaiterID: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var cancelledWaiters: Set<UInt64> = []
    }

    private let state = Mutex(State())

    package init() {}

    /// How many times ``advance()`` was called so far.
    package var generation: UInt64 {
        state.withLock { $0.generation }
    }

    /// Bumps ``generation`` and wakes every waiter.
    package func advance() {
        let waiters = state.withLock { state in
            state.generation &+= 1
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Suspends until ``generation`` exceeds `seen`, or the task is cancelled.
    package func wait(past seen: UInt64) async {
        let id = state.withLock { state in
            defer { state.nextWaiterID &+= 1 }
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.generation > seen || state.cancelledWaiters.remove(id) != nil { return true }
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
        // A cancellation that raced with a normal wake-up leaves its mark behind; drop it.
        _ = state.withLock { $0.cancelledWaiters.remove(id) }
    }
}
