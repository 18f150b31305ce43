import Foundation
import HandoffRailClient
import HandoffRailModels

/// Why an adapter call failed where a typed answer helps more than the SDK's
/// ``HandoffRailError`` (which every other failure stays).
///
/// ```swift
/// do {
///     try await adapter.claimHandoff(id)
/// } catch HandoffAdapterError.alreadyClaimed(_, let holder, _) {
///     print("\(holder.name) got there first")
/// }
/// ```
public enum HandoffAdapterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Another agent holds the packet (409 naming the holder).
    case alreadyClaimed(packetID: UUID, holder: TargetAgentInfo, underlying: HandoffRailError)
    /// A `block_claim` handoff rule refuses the claim until its condition holds; nobody holds
    /// the packet. `rule` is the rule's name, `reason` its stated reason.
    case claimBlocked(packetID: UUID, rule: String, reason: String?, underlying: HandoffRailError)
    /// The server refused the claim with another 409; `reason` is the server's detail.
    case claimRefused(packetID: UUID, reason: String, underlying: HandoffRailError)
    /// A handoff was to be created from a framework signal, but the native document holds
    /// none and no target was given.
    case noHandoffSignal(framework: AgentFramework)
    /// The codec wrote a shape this entry point cannot return (e.g. kickoff inputs that are
    /// not an object of strings).
    case unexpectedResumeShape(expected: String)

    /// One line naming the packet and the holder or reason; no keys, no packet content.
    public var description: String {
        switch self {
        case .alreadyClaimed(let id, let holder, _):
            "packet \(id.uuidString.lowercased()) is already claimed by \(holder.name) (\(holder.id))"
        case .claimBlocked(let id, let rule, let reason, _):
            "the claim of packet \(id.uuidString.lowercased()) is blocked by handoff rule '\(rule)'" + (reason.map { ": \($0)" } ?? "")
        case .claimRefused(let id, let reason, _):
            "the claim of packet \(id.uuidString.lowercased()) was refused: \(reason)"
        case .noHandoffSignal(let framework):
            "the \(framework.rawValue) transcript holds no handoff signal and no target was given"
        case .unexpectedResumeShape(let expected):
            "the resumed conversation is not \(expected)"
        }
    }

    /// The typed error for a failed claim, or `error` itself when it is not a conflict.
    static func claim(_ id: UUID, failedWith error: any Error) -> any Error {
        guard let error = error as? HandoffRailError, error.kind == .conflict else { return error }
        if let blocking = error.blockingRule {
            // A rule's 409 also carries `claimed_by` (the packet's current target), but nobody holds it.
            return HandoffAdapterError.claimBlocked(
                packetID: id, rule: blocking.name ?? error.detail ?? "", reason: blocking.reason, underlying: error)
        }
        if let holder = error.claimant {
            return HandoffAdapterError.alreadyClaimed(packetID: id, holder: holder, underlying: error)
        }
        return HandoffAdapterError.claimRefused(packetID: id, reason: error.detail ?? "conflict", underlying: error)
    }
}
