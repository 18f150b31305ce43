import Foundation
import HandoffRailModels

/// An artifact as added to a builder: its value stays JSON, so a value the schema refuses
/// (a number, `null`, …) reaches the validator and is reported like the server reports it,
/// instead of being unrepresentable in `Artifact/Value`.
struct ArtifactDraft: Sendable, Hashable {
    var key: String
    var value: JSONValue
    var contentType: String?
}

extension PacketBuilder {
    /// The `createPacket` body as the client would send it: the generated `PacketCreate`
    /// encoding of every section, with the sections not set yet left out (so the validator
    /// reports them `missing`, as the server would).
    func createJSON() throws -> JSONValue {
        let create = PacketCreate(
            parentPacketId: parentPacketID, metadata: placeholderMetadata, context: placeholderContext,
            decisions: decisions, actions: actions, dependencies: dependencies, hitl: hitl, schemaId: schemaID)
        return try completing(JSONValueEncoder().encode(create))
    }

    /// The `chainPacket` body as the client would send it (see ``createJSON()``).
    func chainJSON() throws -> JSONValue {
        let chain = ChainRequest(
            metadata: placeholderMetadata, context: placeholderContext,
            decisions: decisions, actions: actions, dependencies: dependencies, hitl: hitl)
        return try completing(JSONValueEncoder().encode(chain))
    }

    /// The action sections, or `nil` (left out of the body) when none was added.
    var actions: Actions? {
        if pendingActions.isEmpty, completedActions.isEmpty, failedActions.isEmpty { return nil }
        return Actions(pending: pendingActions, completed: completedActions, failed: failedActions)
    }

    /// Metadata with stand-ins for agents not set yet; ``completing(_:)`` removes them.
    private var placeholderMetadata: Metadata {
        Metadata(
            sourceAgent: sourceAgent ?? AgentInfo(id: "", name: ""),
            targetAgent: targetAgent ?? TargetAgentInfo(id: "", name: ""),
            createdAt: createdAt, priority: priority, tags: tags)
    }

    /// Context with stand-ins for the summary and artifact values; ``completing(_:)`` fixes them.
    private var placeholderContext: PacketContext {
        PacketContext(
            summary: summary ?? "",
            conversationState: conversation,
            artifacts: artifacts.map { Artifact(key: $0.key, value: .string(""), contentType: $0.contentType) },
            custom: custom)
    }

    /// Replaces the stand-ins of the encoded body: removes agents and summary not set, and puts
    /// each artifact's JSON value in place.
    private func completing(_ encoded: JSONValue) -> JSONValue {
        guard case .object(var body) = encoded else { return encoded }
        if case .object(var metadata)? = body["metadata"] {
            if sourceAgent == nil { metadata["source_agent"] = nil }
            if targetAgent == nil { metadata["target_agent"] = nil }
            body["metadata"] = .object(metadata)
        }
        if case .object(var context)? = body["context"] {
            if summary == nil { context["summary"] = nil }
            if case .array(let encodedArtifacts)? = context["artifacts"] {
                context["artifacts"] = .array(zip(encodedArtifacts, artifacts).map { encodedArtifact, draft in
                    guard case .object(var members) = encodedArtifact else { return encodedArtifact }
                    members["value"] = draft.value
                    return .object(members)
                })
            }
            body["context"] = .object(context)
        }
        return .object(body)
    }
}
