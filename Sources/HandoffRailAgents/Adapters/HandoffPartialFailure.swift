import HandoffRailModels

/// ``HandoffAdapter/handle(native:details:)`` created some of the handoffs a transcript
/// signalled, then one failed: the packets in ``created`` exist on the server, the intent in
/// ``failedIntent`` and any after it were not created.
///
/// Retrying `handle` with the same `HandoffDetails.idempotencyKey` replays the created ones
/// (same per-intent keys) and continues with the rest.
///
/// ```swift
/// catch let failure as HandoffPartialFailure {
///     print("\(failure.created.count) of \(failure.intentCount) handed off: \(failure)")
/// }
/// ```
public struct HandoffPartialFailure: Error, Sendable, CustomStringConvertible {
    /// The packets created before the failure, in intent order.
    public let created: [Packet]
    /// The intent whose create failed.
    public let failedIntent: HandoffIntent
    /// How many intents the transcript held.
    public let intentCount: Int
    /// Why the create failed (usually a ``HandoffRailError``).
    public let underlying: any Error

    /// A partial failure; `created` must not be empty (an outright failure is just `underlying`).
    public init(created: [Packet], failedIntent: HandoffIntent, intentCount: Int, underlying: any Error) {
        self.created = created
        self.failedIntent = failedIntent
        self.intentCount = intentCount
        self.underlying = underlying
    }

    /// Counts and the failing target; the underlying error's own description (never a key).
    public var description: String {
        "created \(created.count) of \(intentCount) handoffs; the handoff to '\(failedIntent.targetAgent)' failed: \(underlying)"
    }
}
