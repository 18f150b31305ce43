import Foundation
import HandoffRailModels
import HandoffRailStorage

/// Why the sweeper expired a packet (the `reason` of its `expired` history step and event).
package enum PacketExpiryReason: String, Sendable, Hashable {
    /// Older than its tenant's packet TTL.
    case ttl
    /// Waited for a human longer than `hitl.timeout_seconds`.
    case hitlTimeout = "hitl_timeout"
}

extension HandoffRailService {
    /// The actor recorded for changes the server makes on its own.
    static let sweeperActor = "system:sweeper"

    /// Expires `stored` through the normal revision-checked commit: `expired` history step
    /// and audit entry (actor `system:sweeper`, details `from`, `reason`), a `packet.expired`
    /// event in the outbox and a delivery for every subscribed hook, all in one transaction,
    /// announced to live subscribers.
    ///
    /// - Returns: false when the packet changed since it was read (another request, or another
    ///   instance's sweeper, got there first) or no longer qualifies; nothing is written then.
    package func expire(_ stored: StoredPacket, reason: PacketExpiryReason, now: Date) async throws -> Bool {
        var packet = stored.packet
        let previous = packet.status
        switch reason {
        case .ttl where PacketLifecycle.isTerminal(previous): return false
        case .hitlTimeout where previous != .awaitingHuman: return false
        default: break
        }
        Self.enter(.expired, packet: &packet, now: now)
        var details: [String: JSONValue] = ["from": .string(previous.rawValue), "reason": .string(reason.rawValue)]
        if reason == .hitlTimeout, let timeout = packet.hitl?.timeoutSeconds {
            details["timeout_seconds"] = .integer(timeout)
        }
        var recorder = PacketChangeRecorder(updating: stored, to: packet, now: now)
        recorder.record(.expired, actor: Self.sweeperActor, details: details, event: .packetExpired)
        do {
            try await commitAnnouncing([recorder.change], idempotency: nil)
        } catch let error as StoreError where error.code == .revisionConflict {
            return false
        }
        metrics.handoff(event: "expired")
        return true
    }
}
