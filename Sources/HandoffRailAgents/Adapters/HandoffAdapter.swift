import Foundation
import HandoffRailClient
import HandoffRailModels

/// One agent's handle on HandoffRail, speaking its framework's own JSON.
///
/// An adapter holds the SDK client, the agent's identity, the framework's conversation codec
/// and its handoff-signal decoders. It offers the reference SDK's conveniences —
/// ``createHandoff(to:summary:conversation:details:)``, ``pollForHandoff(timeout:interval:limit:)``,
/// ``claimHandoff(_:)``, ``resumeConversation(_:options:)``, ``completeHandoff(_:result:actionID:description:decisions:)``
/// — plus a live stream of the handoffs addressed to this agent (``handoffs(delivery:)``)
/// and ``handle(native:details:)``, which turns the framework's own handoff signals into
/// packets. Identity always comes from the adapter, never from a model's output.
///
/// Use the per-framework factories (``langChain(client:identity:targets:)``,
/// ``openAIAgents(client:identity:handoffTools:targets:)``, ``crewAI(client:identity:routes:defaultTarget:targets:)``, …).
///
/// ```swift
/// let triage = HandoffAdapter.openAIAgents(client: client, identity: AgentIdentity(id: "triage-1", name: "Triage"))
/// let packets = try await triage.handle(native: newItems)          // transfer_to_* calls → packets
///
/// let billing = HandoffAdapter.langChain(client: client, identity: AgentIdentity(id: "billing-01", name: "Billing"))
/// for try await packet in billing.handoffs() {
///     let claimed = try await billing.claimHandoff(packet.id)
///     let messages = try billing.resumeConversation(claimed)       // messages_to_dict JSON
///     try await billing.completeHandoff(claimed.id, result: "Upgraded to Pro")
/// }
/// ```
public struct HandoffAdapter<Codec: ConversationCodec>: Sendable {
    /// The SDK client the adapter calls.
    public let client: HandoffRailClient
    /// Who the adapter acts for (`source_agent` of created packets, the claimer of claims).
    public let identity: AgentIdentity
    /// The framework's conversation codec.
    public let codec: Codec
    /// The framework's handoff-signal decoders, run by ``handle(native:details:)``.
    public let decoders: [any HandoffSignalDecoder]
    /// HandoffRail agents for the target names a framework uses (`refund_agent` →
    /// `{id: "refunds-01", name: "Refunds"}`); a signal naming no entry targets the name itself.
    public let targets: [String: TargetAgentInfo]

    /// An adapter; a missing `identity.frameworkName` is taken from the codec's format.
    public init(
        client: HandoffRailClient, identity: AgentIdentity, codec: Codec,
        decoders: [any HandoffSignalDecoder] = [], targets: [String: TargetAgentInfo] = [:]
    ) {
        var identity = identity
        if identity.frameworkName == nil { identity.framework = codec.format.framework }
        self.client = client
        self.identity = identity
        self.codec = codec
        self.decoders = decoders
        self.targets = targets
    }

    // MARK: Creating handoffs

    /// The create request for a handoff from a native transcript: turns by the codec's
    /// `extract`, source agent from the identity, optionally the whole transcript as an artifact.
    public func packetCreate(to target: TargetAgentInfo, summary: String, conversation native: JSONValue, details: HandoffDetails = HandoffDetails()) throws -> PacketCreate {
        let turns = try codec.extract(native)
        var context = PacketContext(summary: summary, conversationState: turns)
        if details.attachTranscript { context.artifacts.append(NativeTranscript.artifact(native, format: codec.format)) }
        let metadata = Metadata(sourceAgent: identity.agentInfo, targetAgent: target)
        return details.apply(to: PacketCreate(metadata: metadata, context: context))
    }

    /// Hands the conversation `native` (the framework's JSON) to `target`.
    ///
    /// ```swift
    /// let packet = try await adapter.createHandoff(
    ///     to: TargetAgentInfo(id: "billing-01", name: "Billing", framework: "crewai"),
    ///     summary: "Customer wants the Pro plan", conversation: messages)
    /// ```
    @discardableResult
    public func createHandoff(to target: TargetAgentInfo, summary: String, conversation native: JSONValue, details: HandoffDetails = HandoffDetails()) async throws -> Packet {
        let create = try packetCreate(to: target, summary: summary, conversation: native, details: details)
        return try await client.createPacket(create, idempotencyKey: details.idempotencyKey)
    }

    /// The create request for a decoded signal (``HandoffIntent/packetCreate(from:conversation:tags:)``),
    /// its target resolved through ``targets``, the conversation from `native` when given.
    public func packetCreate(from intent: HandoffIntent, conversation native: JSONValue? = nil, details: HandoffDetails = HandoffDetails()) throws -> PacketCreate {
        let turns = try native.map { json throws(ConversationCodecError) in try codec.extract(json) } ?? []
        return packetCreate(from: intent, turns: turns, transcript: native, details: details)
    }

    /// The create request for `intent` from turns already extracted from `native`
    /// (``handle(native:details:)`` extracts a transcript once for all its intents).
    private func packetCreate(from intent: HandoffIntent, turns: [ContextEntry], transcript native: JSONValue?, details: HandoffDetails) -> PacketCreate {
        var create = intent.packetCreate(from: identity, conversation: turns)
        if let target = targets[intent.targetAgent] { create.metadata.targetAgent = target }
        if let native, details.attachTranscript {
            create.context.artifacts.append(NativeTranscript.artifact(native, format: codec.format))
        }
        return details.apply(to: create)
    }

    /// Creates the packet a decoded handoff signal asks for.
    ///
    /// ```swift
    /// for intent in try OpenAIAgentsHandoffDecoder().decode(items) {
    ///     try await adapter.createHandoff(from: intent, conversation: items)
    /// }
    /// ```
    @discardableResult
    public func createHandoff(from intent: HandoffIntent, conversation native: JSONValue? = nil, details: HandoffDetails = HandoffDetails()) async throws -> Packet {
        let create = try packetCreate(from: intent, conversation: native, details: details)
        return try await client.createPacket(create, idempotencyKey: details.idempotencyKey)
    }

    /// Every handoff the framework signalled in `native`: each of ``decoders`` in turn, each
    /// decoder's intents in document order (with one decoder per framework — the usual case —
    /// that is document order). Nothing is created; see ``handle(native:details:)``.
    ///
    /// ```swift
    /// let targets = try adapter.intents(in: newItems).map(\.targetAgent)   // ["refund_agent"]
    /// ```
    public func intents(in native: JSONValue) throws -> [HandoffIntent] {
        var intents: [HandoffIntent] = []
        for decoder in decoders { intents += try decoder.decode(native) }
        return intents
    }

    /// Runs the decoders over a transcript and creates one packet per decoded handoff, each
    /// carrying the transcript's turns; `[]` when there is no signal.
    ///
    /// Pass the items produced since the last call (an OpenAI run's `new_items`, the latest
    /// events): handling the same signal twice creates two packets — unless
    /// `details.idempotencyKey` is set: each intent then gets its own key,
    /// `"<key>:<index>"` (index in document order), so retrying the same call with the same
    /// key creates nothing twice, and two parallel handoffs are still two packets.
    ///
    /// Transfer calls the OpenAI Agents SDK answered "Multiple handoffs detected, ignoring
    /// this one." are skipped (the SDK did not run them).
    ///
    /// When a create fails after others succeeded, the error is a ``HandoffPartialFailure``
    /// carrying the packets already created (retry with the same key to finish the rest).
    ///
    /// ```swift
    /// do {
    ///     let packets = try await adapter.handle(native: events, details: HandoffDetails(idempotencyKey: turnID))
    /// } catch let failure as HandoffPartialFailure {
    ///     log(failure.created)   // these exist on the server
    /// }
    /// ```
    public func handle(native: JSONValue, details: HandoffDetails = HandoffDetails()) async throws -> [Packet] {
        let found = try intents(in: native).filter { !$0.wasIgnoredByOpenAIAgents }
        guard !found.isEmpty else { return [] }
        let turns = try codec.extract(native)
        var packets: [Packet] = []
        for (index, intent) in found.enumerated() {
            var intentDetails = details
            intentDetails.idempotencyKey = details.idempotencyKey.map { "\($0):\(index)" }
            do {
                let create = packetCreate(from: intent, turns: turns, transcript: native, details: intentDetails)
                packets.append(try await client.createPacket(create, idempotencyKey: intentDetails.idempotencyKey))
            } catch {
                guard !packets.isEmpty else { throw error }
                throw HandoffPartialFailure(created: packets, failedIntent: intent, intentCount: found.count, underlying: error)
            }
        }
        return packets
    }
}
