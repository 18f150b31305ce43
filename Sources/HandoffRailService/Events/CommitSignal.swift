import Synchronization

/// Tells the event fan-out that a transaction with outbox rows just committed, so live events
/// leave at once instead of at the next poll.
///
/// Announcements bump a generation counter. A waiter reads ``generation`` *before* it looks
/// at the outbox and then waits for a generation past it, so a commit landing in between is
/// never missed. Announcing is cheap and never blocks; many announcements between two waits
/// collapse into one wake-up.
///
/// ```swift
/// let seen = signal.generation
/// let events = try await store.outboxEvents(after: position, limit: 500)
/// …
/// await signal.wait(past: seen)   // returns at once if a commit came meanwhile
/// ```
public final class CommitSignal: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var nextWaiterID: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var cancelledWaiters: Set<UInt64> = []
    }

    private let state = Mutex(State())

    public init() {}

    /// How many announcements were made so far.
    public var generation: UInt64 {
        state.withLock { $0.generation }
    }

    /// Wakes every waiter: something was committed.
    public func announce() {
        let waiters = state.withLock { state in
            state.generation &+= 1
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Suspends until ``generation`` exceeds `seen`, or the task is cancelled.
    public func wait(past seen: UInt64) async {
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
