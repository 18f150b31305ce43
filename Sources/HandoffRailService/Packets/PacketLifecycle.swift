import HandoffRailModels

/// The packet state machine of PROTOCOL.md ("Lifecycle").
///
/// ```
/// created ─► claimed ─► in_progress ─► completed
///    │          │            │
///    ├──────────┴────────────┴─► awaiting_human ─► (respond) ─► claimed / in_progress
///    └─ any non-terminal ─► failed;   anything but expired ─► expired
/// ```
/// `completed` and `expired` are terminal for transitions. `claimed → completed` is allowed
/// because the reference SDK's `complete_packet` goes there straight from a claim; `failed`
/// may be claimed again (a retry). Deleting (soft delete → `expired`) is not a transition and
/// works on anything but `expired` (see ``HandoffRailService/deletePacket(_:caller:)``).
enum PacketLifecycle {
    /// The statuses a packet in `status` may move to, in a stable order for messages.
    static func allowedTransitions(from status: PacketStatus) -> [PacketStatus] {
        switch status {
        case .created: return [.claimed, .awaitingHuman, .failed, .expired]
        case .claimed: return [.inProgress, .awaitingHuman, .completed, .failed, .expired]
        case .inProgress: return [.awaitingHuman, .completed, .failed, .expired]
        case .awaitingHuman: return [.claimed, .inProgress, .failed, .expired]
        case .failed: return [.claimed, .expired]
        case .completed, .expired, .undocumented: return []
        }
    }

    /// Whether `from → to` is allowed. Staying in the same status is not a transition.
    static func canTransition(from: PacketStatus, to: PacketStatus) -> Bool {
        allowedTransitions(from: from).contains(to)
    }

    /// Throws the protocol's 400 ("Cannot transition from X to Y. Allowed: …") unless allowed.
    static func checkTransition(from: PacketStatus, to: PacketStatus) throws {
        guard canTransition(from: from, to: to) else {
            throw invalidTransition(from: from, to: to)
        }
    }

    static func invalidTransition(from: PacketStatus, to: PacketStatus) -> ServiceError {
        let allowed = allowedTransitions(from: from).map(\.rawValue)
        let allowedText = allowed.isEmpty ? "none (\(from.rawValue) is terminal)" : allowed.joined(separator: ", ")
        return .badRequest(
            "Cannot transition from \(from.rawValue) to \(to.rawValue). Allowed: \(allowedText)",
            code: "invalid_transition",
            field: "status"
        )
    }

    /// Terminal statuses: no transition leaves them.
    static func isTerminal(_ status: PacketStatus) -> Bool {
        allowedTransitions(from: status).isEmpty
    }

    /// The live event announcing that a packet entered `status`.
    static func eventType(enteringStatus status: PacketStatus) -> EventType {
        switch status {
        case .created: return .packetCreated
        case .claimed: return .packetClaimed
        case .inProgress: return .packetInProgress
        case .awaitingHuman: return .packetAwaitingHuman
        case .completed: return .packetCompleted
        case .failed: return .packetFailed
        case .expired: return .packetExpired
        case .undocumented: return .packetUpdated
        }
    }
}
