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
    private let signal = GenerationSignal()

    public init() {}

    /// How many announcements were made so far.
    public var generation: UInt64 {
        signal.generation
    }

    /// Wakes every waiter: something was committed.
    public func announce() {
        signal.advance()
    }

    /// Suspends until ``generation`` exceeds `seen`, or the task is cancelled.
    public func wait(past seen: UInt64) async {
        await signal.wait(past: seen)
    }
}
