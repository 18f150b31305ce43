import Foundation
import HandoffRailModels

// Fluent methods for the work sections: decisions, actions, dependencies and the
// human-in-the-loop checkpoint.

extension PacketBuilder {
    /// Appends a decision taken during the session (`id` unique within the packet; a later
    /// PATCH merges decisions by `id`).
    ///
    /// ```swift
    /// builder.decision(id: "d1", "Refund in full", rationale: "Duplicate charge confirmed",
    ///                  alternatives: ["Partial refund"], decidedBy: "triage-01")
    /// ```
    public func decision(
        id: String, _ decision: String, rationale: String, alternatives: [String] = [],
        decidedBy: String? = nil, at timestamp: Date? = nil
    ) -> PacketBuilder {
        adding(Decision(id: id, decision: decision, rationale: rationale, alternatives: alternatives, decidedBy: decidedBy, timestamp: timestamp))
    }

    /// Appends a decision you already have.
    public func decision(_ decision: Decision) -> PacketBuilder { adding(decision) }

    /// Appends to `actions.pending`: work the target agent still has to do.
    ///
    /// ```swift
    /// builder.pendingAction(id: "a1", "Issue the refund", assignee: "billing-01", priority: .high)
    /// ```
    public func pendingAction(
        id: String, _ description: String, assignee: String, priority: Priority? = nil,
        dependsOn: [String] = [], deadline: Date? = nil
    ) -> PacketBuilder {
        adding(PendingAction(id: id, description: description, assignee: assignee, priority: priority, dependsOn: dependsOn, deadline: deadline))
    }

    /// Appends a pending action you already have.
    public func pendingAction(_ action: PendingAction) -> PacketBuilder { adding(action) }

    /// Appends to `actions.completed`: work already done.
    ///
    /// ```swift
    /// builder.completedAction(id: "a0", "Looked up the invoice", result: "Charged twice on 2026-11-02")
    /// ```
    public func completedAction(
        id: String, _ description: String, result: String, completedBy: String? = nil, completedAt: Date? = nil
    ) -> PacketBuilder {
        adding(CompletedAction(id: id, description: description, result: result, completedBy: completedBy, completedAt: completedAt))
    }

    /// Appends a completed action you already have.
    public func completedAction(_ action: CompletedAction) -> PacketBuilder { adding(action) }

    /// Appends to `actions.failed`: work that was attempted and failed.
    ///
    /// ```swift
    /// builder.failedAction(id: "a2", "Automatic refund", error: "Gateway timeout", retriesRemaining: 2)
    /// ```
    public func failedAction(id: String, _ description: String, error: String, retriesRemaining: Int? = nil) -> PacketBuilder {
        adding(FailedAction(id: id, description: description, error: error, retriesRemaining: retriesRemaining))
    }

    /// Appends a failed action you already have.
    public func failedAction(_ action: FailedAction) -> PacketBuilder { adding(action) }

    /// Appends an external dependency the receiving agent should know about.
    ///
    /// ```swift
    /// builder.dependency(id: "dep1", type: .api, "Payments gateway", status: .available, source: "https://pay.example")
    /// ```
    public func dependency(
        id: String, type: DependencyType, _ description: String, status: DependencyStatus = .unknown, source: String? = nil
    ) -> PacketBuilder {
        adding(Dependency(id: id, type: type, description: description, status: status, source: source))
    }

    /// Appends a dependency you already have.
    public func dependency(_ dependency: Dependency) -> PacketBuilder { adding(dependency) }

    /// Sets the human-in-the-loop checkpoint. With `required` (the default) the packet
    /// starts in `awaiting_human` until a human responds; after `timeoutSeconds` without an
    /// answer it expires.
    ///
    /// ```swift
    /// builder.hitl(reason: "Refunds above 500 EUR need approval", question: "Approve the refund?",
    ///              options: ["approve", "reject"], timeoutSeconds: 3600)
    /// ```
    public func hitl(
        reason: String, question: String? = nil, options: [String]? = nil, required: Bool = true, timeoutSeconds: Int? = nil
    ) -> PacketBuilder {
        adding(HitlCheckpoint(required: required, reason: reason, question: question, options: options, timeoutSeconds: timeoutSeconds))
    }

    /// Sets a checkpoint you already have.
    public func hitl(_ checkpoint: HitlCheckpoint) -> PacketBuilder { adding(checkpoint) }
}
