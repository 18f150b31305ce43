import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import HandoffRailServer
import HandoffRailTestSupport
import Testing

/// Several handoff signals in one transcript: the OpenAI SDK runs only the first of parallel
/// transfer calls, and `handle(native:)` keys and reports each intent on its own.
@Suite("Adapters: several handoffs in one transcript", .timeLimit(.minutes(3)))
struct AdapterMultipleHandoffTests {
    typealias Support = AdapterTestSupport

    /// A `HandoffInputData` whose turn holds two parallel transfer calls, as the SDK leaves it:
    /// the first answered by the handoff, the second by the "ignoring" message. An older
    /// handoff sits in `pre_handoff_items`.
    static func parallelTransfers(ignoredFirst: Bool = false) -> JSONValue {
        let run: JSONValue = ["type": "function_call_output", "call_id": "call_refund", "output": "{\"assistant\": \"Refund Agent\"}"]
        let ignored: JSONValue = ["type": "function_call_output", "call_id": "call_billing", "output": "Multiple handoffs detected, ignoring this one."]
        let refundCall: JSONValue = ["type": "function_call", "call_id": "call_refund", "name": "transfer_to_refund_agent", "arguments": "{}", "status": "completed"]
        let billingCall: JSONValue = ["type": "function_call", "call_id": "call_billing", "name": "transfer_to_billing_agent", "arguments": "{}", "status": "completed"]
        let newItems: [JSONValue] = ignoredFirst ? [billingCall, refundCall, ignored, run] : [refundCall, billingCall, run, ignored]
        return [
            "input_history": [["role": "user", "content": "I was charged twice for order A-17."]],
            "pre_handoff_items": [
                ["type": "function_call", "call_id": "call_old", "name": "transfer_to_triage_agent", "arguments": "{}", "status": "completed"],
                ["type": "function_call_output", "call_id": "call_old", "output": "{\"assistant\": \"Triage Agent\"}"],
            ],
            "new_items": .array(newItems),
            "input_items": .null,
        ]
    }

    /// The two transfer calls alone (no outputs yet).
    static var parallelCalls: JSONValue {
        .array((parallelTransfers()["new_items"]?.arrayValue ?? []).filter { $0["type"] == "function_call" })
    }

    @Test("handle(native:) skips the transfer call the SDK ignored")
    func handleSkipsIgnored() async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(.inProcess) { client in
            let triage = HandoffAdapter.openAIAgents(client: client, identity: Support.identity("triage", .openAIAgents))
            let packets = try await triage.handle(native: Self.parallelTransfers()["new_items"] ?? [])
            #expect(packets.map(\.metadata.targetAgent.id) == ["refund_agent"])
        }
    }

    @Test("HandoffInputData with two parallel transfer calls → the one the SDK ran", arguments: [false, true])
    func firstRunHandoffWins(ignoredFirst: Bool) throws {
        let triage = HandoffAdapter.openAIAgents(client: HandoffRailClient(transport: UnusedTransport()), identity: AgentIdentity(id: "t", name: "Triage"))
        let create = try triage.packetCreate(fromHandoffInputData: Self.parallelTransfers(ignoredFirst: ignoredFirst))
        #expect(create.metadata.targetAgent.id == "refund_agent")
        #expect(create.metadata.targetAgent.name == "Refund Agent")
        // The whole transcript still travels.
        #expect(create.context.conversationState.count == 7)
    }

    @Test("handle(native:) keys each intent separately: two packets, and a retry with the same key creates none")
    func perIntentKeys() async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(.inProcess) { client in
            let swarm = HandoffAdapter.openAIAgents(client: client, identity: Support.identity("triage", .openAIAgents))
            // As the model wrote them, before the SDK ran one: two real handoff signals.
            let items = Self.parallelCalls
            let details = HandoffDetails(idempotencyKey: "turn-\(UUID().uuidString)")
            let first = try await swarm.handle(native: items, details: details)
            #expect(first.map(\.metadata.targetAgent.id) == ["refund_agent", "billing_agent"])
            #expect(Set(first.map(\.id)).count == 2)
            let again = try await swarm.handle(native: items, details: details)
            #expect(again.map(\.id) == first.map(\.id))
        }
    }

    @Test("a failure after the first create reports the packet already created")
    func partialFailureKeepsCreated() async throws {
        let server = try await ClientTestServer.make()
        let transport = FailingSecondCreateTransport(base: InProcessTransport(responder: server.responder))
        let client = HandoffRailClient(transport: transport, apiKey: ClientTestServer.adminKey, sleeper: RetrySleeper { _ in })
        let swarm = HandoffAdapter.openAIAgents(client: client, identity: Support.identity("triage", .openAIAgents))
        let items = Self.parallelCalls
        let error = await #expect(throws: HandoffPartialFailure.self) {
            try await swarm.handle(native: items, details: HandoffDetails(idempotencyKey: "turn-\(UUID().uuidString)"))
        }
        let failure = try #require(error)
        #expect(failure.created.map(\.metadata.targetAgent.id) == ["refund_agent"])
        #expect(failure.failedIntent.targetAgent == "billing_agent")
        #expect(failure.intentCount == 2)
        #expect(failure.description.hasPrefix("created 1 of 2 handoffs; the handoff to 'billing_agent' failed"))
        let stored = try await client.getPacket(packetId: try #require(failure.created.first?.id))
        #expect(stored.metadata.targetAgent.id == "refund_agent")
    }
}

/// Forwards to `base`, but refuses every `createPacket` after the first with a 400 (not retried).
struct FailingSecondCreateTransport: HandoffRailTransport {
    let base: any HandoffRailTransport
    let creates = AttemptRecorder()

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        if request.operationID == "createPacket", await creates.record(request.headers["Idempotency-Key"]) > 1 {
            let body = Data(#"{"detail": "refused by the test transport"}"#.utf8)
            return TransportResponse(statusCode: 400, headers: ["Content-Type": "application/json"], body: body)
        }
        return try await base.send(request)
    }
}
