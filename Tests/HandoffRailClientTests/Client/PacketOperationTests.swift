import Foundation
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import HandoffRailServer
import Testing

/// The packet operations through the ``HandoffRailClient`` facade, against the real server
/// both in-process and over sockets.
@Suite("Client facade: packet operations")
struct PacketOperationTests {
    @Test("create, get, list, claim, start, update, complete, history, delete", arguments: TransportKind.allCases)
    func lifecycle(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let created = try await client.createPacket(Samples.packet())
            #expect(created.status == .created)
            #expect(try await client.getPacket(packetId: created.id) == created)

            let listed = try await client.listPackets(status: "created", targetAgent: "billing-01")
            #expect(listed.packets.map(\.id) == [created.id])
            #expect(listed.total == 1)

            let claimed = try await client.claim(created.id, agentID: "billing-01", agentName: "Billing")
            #expect(claimed.status == .claimed)
            #expect(claimed.metadata.claimedAt != nil)

            let started = try await client.start(created.id)
            #expect(started.status == .inProgress)

            let edited = try await client.updatePacket(packetId: created.id, body: PacketUpdate(context: PacketContext(summary: "Refund approved, waiting for the bank")))
            #expect(edited.context.summary == "Refund approved, waiting for the bank")

            let decision = Decision(id: "refund", decision: "Refund", rationale: "Duplicate charge")
            let completed = try await client.complete(created.id, decisions: [decision])
            #expect(completed.status == .completed)
            #expect(completed.decisions.map(\.id) == ["refund"])
            #expect(completed.metadata.completedAt != nil)

            let history = try await client.getPacketHistory(packetId: created.id)
            #expect(history.packetId == created.id)
            #expect(history.events.map(\.eventType).prefix(2) == ["created", "claimed"])
            #expect(history.events.last?.eventType == "completed")

            try await client.deletePacket(packetId: created.id)
            #expect(try await client.getPacket(packetId: created.id).status == .expired)
        }
    }

    @Test("fail records the reason; a failed packet can be claimed again")
    func failWithReason() async throws {
        let client = try await ClientTestServer.make().inProcessClient()
        let packet = try await client.createPacket(Samples.packet())
        let failed = try await client.fail(packet.id, reason: "Payment provider unreachable", decidedBy: "billing-01")
        #expect(failed.status == .failed)
        let reason = try #require(failed.decisions.first { $0.id == HandoffRailClient.failureDecisionID })
        #expect(reason.rationale == "Payment provider unreachable")
        #expect(reason.decidedBy == "billing-01")
        #expect(try await client.claim(packet.id, agentID: "billing-02", agentName: "Billing 2").status == .claimed)
    }

    @Test("chain creates a child carrying the parent's conversation; respond answers a HITL checkpoint")
    func chainAndRespond() async throws {
        let client = try await ClientTestServer.make().inProcessClient()
        let parent = try await client.createPacket(Samples.packet())
        let child = try await client.chain(from: parent.id, ChainRequest(
            metadata: Samples.packet(source: "billing-01", target: "ledger-01").metadata,
            context: PacketContext(summary: "Book the refund")))
        #expect(child.parentPacketId == parent.id)
        #expect(child.context.conversationState.first?.content == "I was charged twice.")
        let parentHistory = try await client.getPacketHistory(packetId: parent.id)
        #expect(parentHistory.events.contains { $0.eventType == "chained" })

        let gated = try await client.createPacket(Samples.packet(hitl: HitlCheckpoint(reason: "Refund above 500 EUR", question: "Approve?")))
        #expect(gated.status == .awaitingHuman)
        let awaiting = try await client.listAwaitingPackets()
        #expect(awaiting.packets.map(\.id) == [gated.id])
        let answered = try await client.respond(gated.id, response: "Approved", respondedBy: "alice@example.com", notes: "Checked the invoice")
        #expect(answered.status == .claimed)
        #expect(answered.hitl?.response == "Approved")
        #expect(answered.hitl?.respondedBy == "alice@example.com")
    }

    @Test("search, batch create, batch claim, batch complete, claimNext")
    func searchAndBatches() async throws {
        let client = try await ClientTestServer.make().inProcessClient()
        let batch = try await client.batchCreatePackets(BatchCreateRequest(packets: [
            try Samples.batchItem(Samples.packet(summary: "Refund the duplicate charge on invoice 7")),
            try Samples.batchItem(Samples.packet(summary: "Update the shipping address of order 12")),
            try Samples.batchItem(Samples.packet(summary: "Close the account of customer 99")),
        ]))
        #expect(batch.created.count == 3)
        #expect(batch.errors.isEmpty)

        let found = try await client.searchPackets(q: "refund")
        #expect(found.packets.map(\.context.summary) == ["Refund the duplicate charge on invoice 7"])

        let ids = batch.created.map { $0.id.uuidString.lowercased() }
        let claimed = try await client.batchClaimPackets(BatchClaimRequest(packetIds: Array(ids.prefix(2)), agentId: "billing-01", agentName: "Billing"))
        #expect(claimed.claimed.count == 2)
        let completed = try await client.batchCompletePackets(BatchCompleteRequest(packetIds: Array(ids.prefix(2))))
        #expect(completed.completed.count == 2)

        let next = try await client.claimNext(agentID: "billing-01", agentName: "Billing")
        #expect(next?.id == batch.created[2].id)
        #expect(try await client.claimNext(agentID: "billing-01", agentName: "Billing") == nil)
    }

    @Test("the in-process transport also takes a whole application, with its authentication")
    func wholeApplication() async throws {
        let server = try await ClientTestServer.make()
        let application = HandoffRailApplication.make(
            api: server.service, authenticator: server.service,
            configuration: HandoffRailServerConfiguration(port: 0, tierLimits: ClientTestServer.relaxedLimits))
        let transport = try await InProcessTransport(application: application)
        let client = HandoffRailClient(transport: transport, apiKey: ClientTestServer.adminKey)
        let packet = try await client.createPacket(Samples.packet())
        #expect(try await client.getPacket(packetId: packet.id).id == packet.id)
        let anonymous = HandoffRailClient(transport: transport, apiKey: nil)
        let refused = try await ErrorKindTests.error { try await anonymous.getPacket(packetId: packet.id) }
        #expect(refused.kind == .authentication)
        #expect(try await anonymous.getHealth().status == "ok")
    }
}
