import Foundation
import HandoffRailModels

// The fluent form: every method returns a new builder with one section added, going through
// the same `PacketComponent` as the matching DSL line, so both forms build the same packet.

extension PacketBuilder {
    /// Sets `metadata.source_agent`, the agent handing the work off.
    ///
    /// ```swift
    /// builder.from("triage-01", name: "Triage", framework: "langchain")
    /// ```
    public func from(_ id: String, name: String, framework: String? = nil, version: String? = nil) -> PacketBuilder {
        adding(From(id, name: name, framework: framework, version: version))
    }

    /// Sets `metadata.source_agent` to an agent you already have.
    public func from(_ agent: AgentInfo) -> PacketBuilder { adding(From(agent)) }

    /// Sets `metadata.target_agent`, the agent meant to pick the packet up.
    ///
    /// ```swift
    /// builder.to("billing-01", name: "Billing")
    /// ```
    public func to(_ id: String, name: String, framework: String? = nil) -> PacketBuilder {
        adding(To(id, name: name, framework: framework))
    }

    /// Sets `metadata.target_agent` to an agent you already have.
    public func to(_ agent: TargetAgentInfo) -> PacketBuilder { adding(To(agent)) }

    /// Sets `context.summary` (required and non-empty).
    ///
    /// ```swift
    /// builder.summary("Customer asks for a refund of invoice INV-1042")
    /// ```
    public func summary(_ text: String) -> PacketBuilder { adding(Summary(text)) }

    /// Sets `metadata.priority` (`normal` when never set).
    ///
    /// ```swift
    /// builder.priority(.high)
    /// ```
    public func priority(_ priority: Priority) -> PacketBuilder { adding(priority) }

    /// Appends to `metadata.tags`.
    ///
    /// ```swift
    /// builder.tags("billing", "refund")
    /// ```
    public func tags(_ tags: String...) -> PacketBuilder { adding(Tags(tags)) }

    /// Appends a list to `metadata.tags`.
    public func tags(_ tags: [String]) -> PacketBuilder { adding(Tags(tags)) }

    /// Sets `metadata.created_at`, when the source agent created the handoff. The spec lets
    /// clients supply it; the HandoffRail server records its own clock instead.
    public func createdAt(_ date: Date) -> PacketBuilder { adding(CreatedAt(date)) }

    /// Appends a conversation turn to `context.conversation_state` (oldest first).
    ///
    /// ```swift
    /// builder.turn(.user, "I was charged twice.").turn(.agent, "Let me check the invoice.")
    /// ```
    public func turn(
        _ role: ConversationRole, _ content: String, at timestamp: Date? = nil, metadata: [String: JSONValue]? = nil
    ) -> PacketBuilder {
        adding(ContextEntry(role: role, content: content, timestamp: timestamp, metadata: metadata))
    }

    /// Appends a conversation turn you already have.
    public func turn(_ entry: ContextEntry) -> PacketBuilder { adding(entry) }

    /// Appends an artifact to `context.artifacts`; its value should be a string, an object or
    /// an array — anything else is reported by ``build()`` as the server would report it.
    ///
    /// ```swift
    /// builder.artifact("invoice", ["id": "INV-1042", "amount": 42.5], contentType: "application/json")
    /// builder.artifact("notes", "Customer was polite", contentType: "text/plain")
    /// ```
    public func artifact(_ key: String, _ value: JSONValue, contentType: String? = nil) -> PacketBuilder {
        adding(JSONArtifact(key, value, contentType: contentType))
    }

    /// Appends an artifact you already have.
    public func artifact(_ artifact: Artifact) -> PacketBuilder { adding(artifact) }

    /// Sets one member of `context.custom` (free-form data).
    ///
    /// ```swift
    /// builder.custom("ticket", "T-1042").custom("attempts", 2)
    /// ```
    public func custom(_ key: String, _ value: JSONValue) -> PacketBuilder { adding(Custom(key, value)) }

    /// Merges members into `context.custom`; later values win.
    public func custom(_ members: [String: JSONValue]) -> PacketBuilder { adding(Custom(members)) }

    /// Sets `parent_packet_id` (create only; ``buildChainRequest()`` rejects it).
    public func parent(_ id: UUID) -> PacketBuilder { adding(Parent(id)) }

    /// Sets `schema_id`, a registered schema `context.custom` must satisfy (create only).
    public func customSchema(_ id: UUID) -> PacketBuilder { adding(CustomSchema(id)) }
}
