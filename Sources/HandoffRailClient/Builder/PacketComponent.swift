import Foundation
import HandoffRailModels

/// One section (or part of a section) of a packet, as a line of the ``PacketContentBuilder``
/// DSL or the argument of ``PacketBuilder/adding(_:)``.
///
/// The packet's model types are components themselves — a `ContextEntry` adds a
/// conversation turn, a `Decision` a decision, a `HitlCheckpoint` sets the checkpoint,
/// `Priority` the priority — and small wrappers (``From``, ``To``, ``Summary``, ``Tags``,
/// ``Custom``, ``JSONArtifact``, ``CreatedAt``, ``Parent``, ``CustomSchema``) cover the
/// rest. Conform your own types to reuse a group of sections across packets:
///
/// ```swift
/// struct RefundEscalation: PacketComponent {
///     var amount: String
///     func apply(to packet: inout PacketBuilder) {
///         packet = packet.priority(.critical).tags("refund", "escalated")
///             .hitl(reason: "Refund of \(amount) needs approval", options: ["approve", "reject"])
///     }
/// }
/// ```
public protocol PacketComponent: Sendable {
    /// Adds this component to `packet`: list sections append, single values replace.
    func apply(to packet: inout PacketBuilder)
}

extension ContextEntry: PacketComponent {
    /// Appends this turn to `context.conversation_state`.
    public func apply(to packet: inout PacketBuilder) { packet.conversation.append(self) }
}

extension Artifact: PacketComponent {
    /// Appends this artifact to `context.artifacts`.
    public func apply(to packet: inout PacketBuilder) {
        packet.artifacts.append(ArtifactDraft(key: key, value: value.jsonValue, contentType: contentType))
    }
}

extension Decision: PacketComponent {
    /// Appends this decision to `decisions`.
    public func apply(to packet: inout PacketBuilder) { packet.decisions.append(self) }
}

extension PendingAction: PacketComponent {
    /// Appends this action to `actions.pending`.
    public func apply(to packet: inout PacketBuilder) { packet.pendingActions.append(self) }
}

extension CompletedAction: PacketComponent {
    /// Appends this action to `actions.completed`.
    public func apply(to packet: inout PacketBuilder) { packet.completedActions.append(self) }
}

extension FailedAction: PacketComponent {
    /// Appends this action to `actions.failed`.
    public func apply(to packet: inout PacketBuilder) { packet.failedActions.append(self) }
}

extension Dependency: PacketComponent {
    /// Appends this dependency to `dependencies`.
    public func apply(to packet: inout PacketBuilder) { packet.dependencies.append(self) }
}

extension HitlCheckpoint: PacketComponent {
    /// Sets `hitl` (replacing an earlier checkpoint); with `required` the packet starts in
    /// `awaiting_human`.
    public func apply(to packet: inout PacketBuilder) { packet.hitl = self }
}

extension Priority: PacketComponent {
    /// Sets `metadata.priority`.
    public func apply(to packet: inout PacketBuilder) { packet.priority = self }
}

extension Artifact.Value {
    /// The value as the JSON it is sent as.
    var jsonValue: JSONValue {
        switch self {
        case .string(let text): return .string(text)
        case .array(let elements): return .array(elements)
        case .object(let members): return .object(members)
        }
    }
}
