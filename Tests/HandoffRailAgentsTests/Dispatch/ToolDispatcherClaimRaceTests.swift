import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// Claims through dispatchers of different agents racing for one packet: exactly one wins,
/// and every loser's error names the winner.
@Suite("ToolDispatcher: claim races")
struct ToolDispatcherClaimRaceTests {
    @Test("two agents race: one wins, the loser's error names the winner", arguments: TransportKind.allCases)
    func twoAgentsRace(_ transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let packetID = try await Self.createPacket(client)
            let racers = [DispatchFixtures.triage, DispatchFixtures.billing]
            let outcomes = await Self.claim(packetID, by: racers, client: client)
            let (winner, losers) = try Self.split(outcomes)
            #expect(losers.count == 1)
            let loser = try #require(losers.first)
            #expect(loser.identity != winner)
            #expect(loser.error.kind == .api)
            #expect(loser.error.apiError?.kind == .conflict)
            #expect(loser.error.apiError?.claimant?.id == winner.id)
            #expect(loser.error.message.contains("claimed by \(winner.name) (\(winner.id))"))
        }
    }

    @Test("100 parallel claims through dispatchers: exactly one winner", arguments: TransportKind.allCases)
    func hundredClaims(_ transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let packetID = try await Self.createPacket(client)
            let racers = (0..<100).map { AgentIdentity(id: "worker-\($0)", name: "Worker \($0)", framework: .crewAI) }
            let outcomes = await Self.claim(packetID, by: racers, client: client)
            #expect(outcomes.count == 100)
            let (winner, losers) = try Self.split(outcomes)
            #expect(losers.count == 99)
            #expect(losers.allSatisfy { $0.error.apiError?.kind == .conflict && $0.error.apiError?.claimant?.id == winner.id })
            let packet = try await client.getPacket(packetId: try #require(UUID(uuidString: packetID)))
            #expect(packet.metadata.targetAgent.id == winner.id)
            let history = try await client.getPacketHistory(packetId: packet.id)
            #expect(history.events.filter { $0.eventType == "claimed" }.count == 1)
        }
    }

    private typealias Outcome = (identity: AgentIdentity, result: Result<JSONValue, ToolCallError>)

    private static func createPacket(_ client: HandoffRailClient) async throws -> String {
        let creator = ToolDispatcher(client: client, identity: DispatchFixtures.triage)
        let created = try await creator.call("handoffrail_create_packet", arguments: DispatchFixtures.createArguments(tag: DispatchFixtures.uniqueTag("race")))
        return try #require(created["id"]?.stringValue)
    }

    /// Every racer claims `packetID` at once, each through its own dispatcher.
    private static func claim(_ packetID: String, by racers: [AgentIdentity], client: HandoffRailClient) async -> [Outcome] {
        await withTaskGroup(of: Outcome.self) { group in
            for identity in racers {
                group.addTask {
                    let dispatcher = ToolDispatcher(client: client, identity: identity)
                    do throws(ToolCallError) {
                        let packet = try await dispatcher.call("handoffrail_claim_packet", arguments: ["packet_id": .string(packetID)])
                        return (identity, .success(packet))
                    } catch {
                        return (identity, .failure(error))
                    }
                }
            }
            var outcomes: [Outcome] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
    }

    /// The one winner (whose answer names it as target agent) and the losers with their errors.
    private static func split(_ outcomes: [Outcome]) throws -> (winner: AgentIdentity, losers: [(identity: AgentIdentity, error: ToolCallError)]) {
        var winners: [AgentIdentity] = []
        var losers: [(identity: AgentIdentity, error: ToolCallError)] = []
        for outcome in outcomes {
            switch outcome.result {
            case .success(let packet):
                #expect(packet["metadata"]?["target_agent"]?["id"] == .string(outcome.identity.id))
                winners.append(outcome.identity)
            case .failure(let error):
                losers.append((outcome.identity, error))
            }
        }
        #expect(winners.count == 1, "winners: \(winners.map(\.id))")
        return (try #require(winners.first), losers)
    }
}
