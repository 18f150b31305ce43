import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import HandoffRailServer
import HandoffRailTestSupport
import Testing

/// Creates through the dispatcher are safe to retry: a lost answer, a re-delivered
/// framework call or an explicit key never create a second packet.
@Suite("ToolDispatcher: retry-safe creates")
struct ToolDispatcherRetryTests {
    @Test("a create whose answer is lost is retried with the same Idempotency-Key and creates once")
    func lostAnswerIsRetriedWithoutDuplicate() async throws {
        let server = try await ClientTestServer.make()
        let losing = LosingFirstCreateTransport(base: InProcessTransport(responder: server.responder))
        let client = HandoffRailClient(transport: losing, apiKey: ClientTestServer.adminKey, sleeper: RetrySleeper { _ in })
        let dispatcher = ToolDispatcher(client: client, identity: DispatchFixtures.triage)
        let tag = DispatchFixtures.uniqueTag("retry")

        let created = try await dispatcher.call("handoffrail_create_packet", arguments: DispatchFixtures.createArguments(tag: tag))

        let keys = await losing.state.keys
        #expect(keys.count == 2)
        #expect(keys.first != nil && keys.first == keys.last)
        let listed = try await dispatcher.call("handoffrail_list_packets", arguments: ["tags": .string(tag)])
        #expect(listed["total"] == 1)
        #expect(listed["packets"]?[0]?["id"] == created["id"])
    }

    @Test("the same framework call delivered twice creates one packet; another call id creates another", arguments: TransportKind.allCases)
    func redeliveredToolCall(_ transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let dispatcher = ToolDispatcher(client: client, identity: DispatchFixtures.triage)
            let tag = DispatchFixtures.uniqueTag("redelivery")
            let arguments = DispatchFixtures.createArguments(tag: tag).serializedString()
            let item: JSONValue = ["type": "function_call", "call_id": "call_7Qx", "name": "handoffrail_create_packet", "arguments": .string(arguments)]
            let call = try ToolCall.openAIResponses(item)

            let first = try await dispatcher.call(call)
            let again = try await dispatcher.call(call)
            #expect(first["id"] != nil)
            #expect(again["id"] == first["id"])

            var other = call
            other.id = "call_8Rz"
            let second = try await dispatcher.call(other)
            #expect(second["id"] != first["id"])

            let explicit1 = try await dispatcher.call("handoffrail_create_packet", arguments: DispatchFixtures.createArguments(tag: tag), idempotencyKey: "order-A-17-refund")
            let explicit2 = try await dispatcher.call("handoffrail_create_packet", arguments: DispatchFixtures.createArguments(tag: tag), idempotencyKey: "order-A-17-refund")
            #expect(explicit1["id"] == explicit2["id"])

            let listed = try await dispatcher.call("handoffrail_list_packets", arguments: ["tags": .string(tag)])
            #expect(listed["total"] == 3)
        }
    }

    @Test("another agent with the same call id is not deduplicated against this one")
    func callIDsAreScopedToTheAgent() async throws {
        let server = try await ClientTestServer.make()
        let client = server.inProcessClient()
        let arguments = DispatchFixtures.createArguments(tag: DispatchFixtures.uniqueTag("scoped"))
        let call = ToolCall(id: "call_1", name: "handoffrail_create_packet", arguments: arguments, format: .langChain)
        let fromTriage = try await ToolDispatcher(client: client, identity: DispatchFixtures.triage).call(call)
        let fromBilling = try await ToolDispatcher(client: client, identity: DispatchFixtures.billing).call(call)
        #expect(fromTriage["id"] != fromBilling["id"])
        #expect(fromBilling["metadata"]?["source_agent"]?["id"] == "billing-01")
        let key = try #require(call.idempotencyKey(for: DispatchFixtures.triage))
        #expect(key.hasPrefix("tool-call:") && key.hasSuffix(":triage-1:handoffrail_create_packet:call_1"))
        #expect(ToolCall(id: "3", name: "x", arguments: [:], format: .mcp).idempotencyKey(for: DispatchFixtures.triage) == nil)
    }

    @Test("a provider reusing a call id for a different call still creates: the key covers the arguments")
    func reusedCallIDWithOtherArguments() async throws {
        let server = try await ClientTestServer.make()
        let dispatcher = ToolDispatcher(client: server.inProcessClient(), identity: DispatchFixtures.triage)
        let tag = DispatchFixtures.uniqueTag("reused")
        let first = ToolCall(id: "call_0", name: "handoffrail_create_packet", arguments: DispatchFixtures.createArguments(tag: tag, summary: "First conversation"), format: .openAIChat)
        let second = ToolCall(id: "call_0", name: "handoffrail_create_packet", arguments: DispatchFixtures.createArguments(tag: tag, summary: "Second conversation"), format: .openAIChat)
        #expect(first.idempotencyKey(for: DispatchFixtures.triage) != second.idempotencyKey(for: DispatchFixtures.triage))
        let a = try await dispatcher.call(first)
        let b = try await dispatcher.call(second)
        #expect(a["id"] != b["id"])
        #expect(b["context"]?["summary"] == "Second conversation")
    }
}
