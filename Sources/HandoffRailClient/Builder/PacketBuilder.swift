import Foundation
import HandoffRailModels

/// Assembles a handoff packet section by section and checks it exactly as the server will.
///
/// Build it fluently or with the ``PacketContentBuilder`` DSL — both produce the same
/// builder — then call ``build()`` for a `PacketCreate` (the body of `createPacket`) or
/// ``buildChainRequest()`` for a `ChainRequest` (the body of `chainPacket`). Nothing is
/// checked while you add sections: a builder may be incomplete or invalid until `build()`,
/// which validates the JSON the client would send against the spec's schema with the same
/// generated validator the server runs on request bodies. So a packet that `build()` accepts
/// passes the server's body validation, and one it rejects fails with the very issues
/// (type, `loc` starting at `body`, message, input) the server's 422 would list.
///
/// ```swift
/// let create = try PacketBuilder()
///     .from("triage-01", name: "Triage")
///     .to("billing-01", name: "Billing")
///     .summary("Customer asks for a refund of invoice INV-1042")
///     .priority(.high)
///     .tags("billing", "refund")
///     .turn(.user, "I was charged twice.")
///     .build()
/// ```
///
/// Checks the schema cannot express (a parent that exists, a registered schema that
/// `context.custom` must satisfy, tier quotas) need the server and happen there.
public struct PacketBuilder: Sendable, Hashable {
    /// `metadata.source_agent`; `nil` until ``from(_:name:framework:version:)``.
    var sourceAgent: AgentInfo?
    /// `metadata.target_agent`; `nil` until ``to(_:name:framework:)``.
    var targetAgent: TargetAgentInfo?
    /// `metadata.created_at`; the server uses the time of the request when absent.
    var createdAt: Date?
    /// `metadata.priority`; the schema's default (`normal`) when not set.
    var priority: Priority = .normal
    /// `metadata.tags`, in the order added.
    var tags: [String] = []
    /// `context.summary`; `nil` until ``summary(_:)``.
    var summary: String?
    /// `context.conversation_state`, oldest first.
    var conversation: [ContextEntry] = []
    /// `context.artifacts`, values kept as JSON so any value can be checked like the server does.
    var artifacts: [ArtifactDraft] = []
    /// `context.custom`.
    var custom: [String: JSONValue] = [:]
    /// `decisions`.
    var decisions: [Decision] = []
    /// `actions.pending`.
    var pendingActions: [PendingAction] = []
    /// `actions.completed`.
    var completedActions: [CompletedAction] = []
    /// `actions.failed`.
    var failedActions: [FailedAction] = []
    /// `dependencies`.
    var dependencies: [Dependency] = []
    /// `hitl`.
    var hitl: HitlCheckpoint?
    /// `parent_packet_id` (create only).
    var parentPacketID: UUID?
    /// `schema_id` (create only).
    var schemaID: UUID?

    /// An empty builder; add sections fluently.
    ///
    /// ```swift
    /// let builder = PacketBuilder().from("triage-01", name: "Triage")
    /// ```
    public init() {}

    /// A builder filled by the ``PacketContentBuilder`` DSL: each line adds one section.
    ///
    /// ```swift
    /// let create = try PacketBuilder {
    ///     From("triage-01", name: "Triage")
    ///     To("billing-01", name: "Billing")
    ///     Summary("Customer asks for a refund of invoice INV-1042")
    ///     Priority.high
    ///     if escalate { HitlCheckpoint(reason: "Refund above 500 EUR") }
    /// }.build()
    /// ```
    public init(@PacketContentBuilder _ content: () -> [any PacketComponent]) {
        self.init()
        for component in content() {
            component.apply(to: &self)
        }
    }

    /// A copy with `component` applied — the one path both the fluent methods and the DSL take.
    ///
    /// ```swift
    /// let builder = PacketBuilder().adding(Decision(id: "d1", decision: "Refund", rationale: "Duplicate charge"))
    /// ```
    public func adding(_ component: some PacketComponent) -> PacketBuilder {
        var copy = self
        component.apply(to: &copy)
        return copy
    }

    /// The `createPacket` body, validated as the server validates request bodies.
    ///
    /// - Throws: ``HandoffRailError`` of kind ``HandoffRailError/Kind/validation`` carrying
    ///   every issue (``HandoffRailError/validationIssues``) with its `loc` from `body`, as
    ///   the server's 422 would.
    ///
    /// ```swift
    /// do {
    ///     let create = try builder.build()
    /// } catch let error as HandoffRailError {
    ///     for issue in error.validationIssues { print(issue.locationPath, issue.msg) }
    /// }
    /// ```
    public func build() throws -> PacketCreate {
        try PacketValidation.validatedBody(PacketCreate.self, encode: createJSON, operationID: "createPacket")
    }

    /// The `chainPacket` body (a child of the packet you chain from), validated like ``build()``.
    ///
    /// A chain request has no `parent_packet_id` (the parent is the packet in the path) and no
    /// `schema_id`; a builder that sets either is rejected here rather than having the value
    /// silently dropped, with an `extra_forbidden` issue at that location.
    ///
    /// ```swift
    /// let child = try PacketBuilder()
    ///     .from("billing-01", name: "Billing").to("payments-01", name: "Payments")
    ///     .summary("Refund approved; pay out 42.50 EUR")
    ///     .buildChainRequest()
    /// ```
    public func buildChainRequest() throws -> ChainRequest {
        var extras: [ValidationIssue] = []
        if let parentPacketID {
            extras.append(.extraForbidden("parent_packet_id", input: .string(parentPacketID.uuidString.lowercased())))
        }
        if let schemaID {
            extras.append(.extraForbidden("schema_id", input: .string(schemaID.uuidString.lowercased())))
        }
        return try PacketValidation.validatedBody(
            ChainRequest.self, encode: chainJSON, extraIssues: extras, operationID: "chainPacket")
    }

    /// Every issue ``build()`` would throw, without throwing; empty when the packet is valid.
    ///
    /// ```swift
    /// if !builder.validationIssues.isEmpty { showProblems(builder.validationIssues) }
    /// ```
    public var validationIssues: [ValidationIssue] {
        do {
            _ = try build()
            return []
        } catch {
            return (error as? HandoffRailError)?.validationIssues ?? []
        }
    }
}
