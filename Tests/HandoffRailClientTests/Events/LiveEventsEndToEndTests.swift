import Foundation
import HandoffRailModels
import HandoffRailTestSupport
import Testing
@testable import HandoffRailClient

/// The SDK's event stream and `waitForHumanResponse` against the real server
/// (`HandoffRailApplication` with live events, SQLite, real sockets).
@Suite("Live events end to end")
struct LiveEventsEndToEndTests {
    typealias Support = EventTestSupport

    @Test("create, claim and complete arrive in order, each subscriber only its channels")
    func lifecycleFilteredByChannel() async throws {
        try await LiveEventsServer.run { server in
            let client = server.client()
            let billing = try await EventSubscriber.start(client, subscribe: [.agent("billing-01")])
            let completed = try await EventSubscriber.start(client, subscribe: [.status(.completed)])
            let everything = try await EventSubscriber.start(client, subscribe: [])

            let first = try await client.createPacket(Self.packet(target: "billing-01")).id
            let other = try await client.createPacket(Self.packet(target: "archive-07")).id
            try await Self.work(first, by: "billing-01", client)
            let sentinel = try await client.createPacket(Self.packet(target: "billing-01")).id
            try await Self.work(sentinel, by: "billing-01", client)

            let billingEvents = try await billing.events(through: { $0.packetID == sentinel && $0.type == .packetCompleted })
            #expect(!billingEvents.contains { $0.packetID == other })
            #expect(billingEvents.filter { $0.packetID == first }.map(\.type) == [.packetCreated, .packetClaimed, .packetInProgress, .packetCompleted])
            #expect(billingEvents.first?.packetID == first)

            let completedEvents = try await completed.events(through: { $0.packetID == sentinel })
            #expect(completedEvents.map(\.packetID) == [first, sentinel])
            #expect(completedEvents.allSatisfy { $0.type == .packetCompleted && $0.status == .completed })

            let allEvents = try await everything.events(through: { $0.packetID == sentinel && $0.type == .packetCompleted })
            #expect(allEvents.contains { $0.packetID == other && $0.type == .packetCreated })
            let ids = allEvents.compactMap { $0.id.flatMap(Int.init) }
            #expect(ids.count == allEvents.count)
            #expect(ids == ids.sorted() && Set(ids).count == ids.count)
            for subscriber in [billing, completed, everything] { subscriber.stop() }
        }
    }

    @Test("a stream resumed from a saved event id receives what happened while it was away")
    func resumesFromSavedEventID() async throws {
        try await LiveEventsServer.run { server in
            let client = server.client()
            let watcher = try await EventSubscriber.start(client, subscribe: [.status(.created)])
            let seen = try await client.createPacket(Self.packet(target: "billing-01")).id
            let savedID = try #require(try await watcher.events(through: { $0.packetID == seen }).last?.id)
            watcher.stop()

            let missedFirst = try await client.createPacket(Self.packet(target: "billing-01")).id
            let missedSecond = try await client.createPacket(Self.packet(target: "billing-02")).id

            let options = Support.fastOptions.with { $0.lastEventID = savedID }
            let resumed = try await EventSubscriber.start(client, subscribe: [.status(.created)], options: options)
            let replayed = try await resumed.events(through: { $0.packetID == missedSecond })
            #expect(replayed.map(\.packetID) == [missedFirst, missedSecond])
            resumed.stop()
        }
    }

    @Test("waitForHumanResponse returns the answer given while it waits")
    func waitsForTheAnswer() async throws {
        try await LiveEventsServer.run { server in
            let client = server.client()
            let packet = try await client.createPacket(Self.packet(target: "billing-01", hitl: true))
            #expect(packet.status == .awaitingHuman)
            let answered = try await withThrowingTaskGroup(of: Packet?.self) { group in
                group.addTask {
                    try await client.waitForHumanResponse(packetID: packet.id, timeout: .seconds(60), options: Support.fastOptions)
                }
                group.addTask {
                    // Answer only once the waiter's subscription exists, so the event path is taken.
                    _ = try await Support.eventually("the waiter's subscription") { () -> Bool? in
                        let connections = (try? await client.getStats())?.activeWsConnections ?? 0
                        return connections > 0 ? true : nil
                    }
                    _ = try await client.respondToPacket(packetId: packet.id, body: RespondRequest(response: "Approve", respondedBy: "ops@example.com"))
                    return nil
                }
                var result: Packet?
                for try await value in group { if let value { result = value } }
                return result
            }
            #expect(answered?.hitl?.response == "Approve")
            #expect(answered?.hitl?.respondedBy == "ops@example.com")
        }
    }

    @Test("waitForHumanResponse returns at once for an answer given before, and times out without one")
    func answeredEarlierOrNever() async throws {
        try await LiveEventsServer.run { server in
            let client = server.client()
            let early = try await client.createPacket(Self.packet(target: "billing-01", hitl: true))
            _ = try await client.respondToPacket(packetId: early.id, body: RespondRequest(response: "Deny", respondedBy: "ops@example.com"))
            let answered = try await client.waitForHumanResponse(packetID: early.id, timeout: .seconds(60), options: Support.fastOptions)
            #expect(answered.hitl?.response == "Deny")

            let never = try await client.createPacket(Self.packet(target: "billing-01", hitl: true))
            let error = await #expect(throws: HandoffRailError.self) {
                try await client.waitForHumanResponse(packetID: never.id, timeout: .seconds(1), options: Support.fastOptions)
            }
            #expect(error?.kind == .timeout)
        }
    }

    @Test("an unknown key ends the stream with .authentication instead of retrying")
    func unknownKey() async throws {
        try await LiveEventsServer.run { server in
            let client = server.client(key: "hr_no_such_key_0123456789abcdef")
            let error = await #expect(throws: HandoffRailError.self) {
                try await Support.withTimeout("the refusal") {
                    for try await _ in client.events(options: Support.fastOptions) {}
                }
            }
            #expect(error?.kind == .authentication)
            #expect(error?.statusCode == 401)
        }
    }

    // MARK: Helpers

    /// A create body from triage-01 to `target`, optionally with an open HITL checkpoint.
    static func packet(target: String, hitl: Bool = false) -> PacketCreate {
        PacketCreate(
            metadata: Metadata(
                sourceAgent: AgentInfo(id: "triage-01", name: "Triage"),
                targetAgent: TargetAgentInfo(id: target, name: "Worker"),
                priority: .high, tags: ["events"]),
            context: PacketContext(summary: "Customer asks for a refund of invoice INV-1042"),
            hitl: hitl ? HitlCheckpoint(reason: "Refund above limit", question: "Approve?") : nil)
    }

    /// Claims, starts and completes `id` as `agent`.
    static func work(_ id: UUID, by agent: String, _ client: HandoffRailClient) async throws {
        _ = try await client.claimPacket(packetId: id, body: ClaimRequest(agentId: agent, agentName: "Worker"))
        _ = try await client.updatePacket(packetId: id, body: PacketUpdate(status: .inProgress))
        _ = try await client.updatePacket(packetId: id, body: PacketUpdate(status: .completed))
    }
}
