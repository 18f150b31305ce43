import HandoffRailModels

/// Everything about a new handoff besides its target, summary and conversation: priority,
/// tags, work items, custom context, and whether the whole native transcript rides along.
///
/// The reference SDK's `create_handoff` takes these as keyword arguments; here they are one
/// value so every adapter entry point (`createHandoff`, `handoffFromTask`, `handle`) accepts
/// the same extras.
///
/// ```swift
/// let details = HandoffDetails(priority: .high, tags: ["billing"], custom: ["customer_id": "c-42"], attachTranscript: true)
/// try await adapter.createHandoff(to: billing, summary: "Upgrade to Pro", conversation: messages, details: details)
/// ```
public struct HandoffDetails: Sendable, Hashable {
    /// The packet priority; `nil` keeps the signal's priority (handoffs from intents) or `normal`.
    public var priority: Priority?
    /// Free-form tags for filtering.
    public var tags: [String]
    /// `context.custom` members (merged over what the adapter writes itself).
    public var custom: [String: JSONValue]
    /// Extra artifacts.
    public var artifacts: [Artifact]
    /// Decisions made so far.
    public var decisions: [Decision]
    /// Work left for the target agent.
    public var pendingActions: [PendingAction]
    /// External dependencies the target should know about.
    public var dependencies: [Dependency]
    /// A human-in-the-loop checkpoint; the packet then starts in `awaiting_human`.
    public var hitl: HitlCheckpoint?
    /// Also carry the native document exactly as given, as a ``NativeTranscript`` artifact
    /// (`handoffrail.transcript.<framework>.<version>`), for agents that resume with the
    /// framework's own library.
    public var attachTranscript: Bool
    /// The `Idempotency-Key` to send; `nil` lets the client make one per call (retry-safe).
    /// ``HandoffAdapter/handle(native:details:)`` derives one key per intent from it
    /// (`"<key>:<index>"`).
    public var idempotencyKey: String?

    /// Details; the defaults add nothing.
    public init(
        priority: Priority? = nil, tags: [String] = [], custom: [String: JSONValue] = [:], artifacts: [Artifact] = [],
        decisions: [Decision] = [], pendingActions: [PendingAction] = [], dependencies: [Dependency] = [],
        hitl: HitlCheckpoint? = nil, attachTranscript: Bool = false, idempotencyKey: String? = nil
    ) {
        self.priority = priority
        self.tags = tags
        self.custom = custom
        self.artifacts = artifacts
        self.decisions = decisions
        self.pendingActions = pendingActions
        self.dependencies = dependencies
        self.hitl = hitl
        self.attachTranscript = attachTranscript
        self.idempotencyKey = idempotencyKey
    }

    /// `create` with these details applied: priority when set, tags appended (without
    /// repeats), custom members merged over the existing ones, artifacts and work items added.
    func apply(to create: PacketCreate) -> PacketCreate {
        var create = create
        if let priority { create.metadata.priority = priority }
        for tag in tags where !create.metadata.tags.contains(tag) { create.metadata.tags.append(tag) }
        create.context.custom.merge(custom) { _, new in new }
        create.context.artifacts += artifacts
        create.decisions += decisions
        if !pendingActions.isEmpty {
            var actions = create.actions ?? Actions()
            actions.pending += pendingActions
            create.actions = actions
        }
        create.dependencies += dependencies
        if let hitl { create.hitl = hitl }
        return create
    }
}
