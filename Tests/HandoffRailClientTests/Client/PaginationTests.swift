import Foundation
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// ``PacketSequence`` and ``PacketPages`` over the real server's cursor pages.
@Suite("Client pagination")
struct PaginationTests {
    /// Creates `count` packets in batches of 50, `claimedEvery`-th one claimed; returns their ids.
    static func seed(_ client: HandoffRailClient, count: Int, claimedEvery: Int = 0) async throws -> (all: [UUID], claimed: Set<UUID>) {
        var ids: [UUID] = []
        var claimed: Set<UUID> = []
        for start in stride(from: 0, to: count, by: 50) {
            let items = try (start..<min(count, start + 50)).map { index in
                try Samples.batchItem(Samples.packet(summary: "Packet number \(index)", target: index % 2 == 0 ? "billing-01" : "ledger-01"))
            }
            let result = try await client.batchCreatePackets(BatchCreateRequest(packets: items))
            #expect(result.errors.isEmpty)
            ids += result.created.map(\.id)
        }
        if claimedEvery > 0 {
            for (index, id) in ids.enumerated() where index % claimedEvery == 0 {
                try await client.claim(id, agentID: "billing-01", agentName: "Billing")
                claimed.insert(id)
            }
        }
        return (ids, claimed)
    }

    @Test("more than 500 packets, pages of 50: every packet exactly once, newest first")
    func walksEverything() async throws {
        let client = try await ClientTestServer.make().inProcessClient()
        let seeded = try await Self.seed(client, count: 523)
        var seen: [Packet] = []
        for try await packet in client.packets(pageSize: 50) { seen.append(packet) }
        #expect(seen.count == 523)
        #expect(Set(seen.map(\.id)) == Set(seeded.all))
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.createdAt >= $1.createdAt })

        var pages = 0
        for try await page in client.packetPages(PacketQuery(pageSize: 50)) {
            pages += 1
            #expect(page.total == 523)
            #expect(page.packets.count <= 50)
        }
        #expect(pages == 11)
    }

    @Test("packets created during the walk neither duplicate nor hide older ones")
    func stableUnderInserts() async throws {
        let client = try await ClientTestServer.make().inProcessClient()
        let seeded = try await Self.seed(client, count: 120)
        var seen: [UUID] = []
        for try await packet in client.packets(pageSize: 25) {
            if seen.count % 25 == 0 { _ = try await client.createPacket(Samples.packet(summary: "Late arrival \(seen.count)")) }
            seen.append(packet.id)
        }
        #expect(seen.count == Set(seen).count)
        #expect(Set(seeded.all).isSubset(of: Set(seen)))
    }

    @Test("filters: several statuses (OR), target agent, tags", arguments: TransportKind.allCases)
    func filters(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        let seeded = try await Self.seed(server.inProcessClient(), count: 60, claimedEvery: 3)
        try await server.withClient(transport) { client in
            var claimed: Set<UUID> = []
            for try await packet in client.packets(status: [.claimed], pageSize: 7) { claimed.insert(packet.id) }
            #expect(claimed == seeded.claimed)

            var both = 0
            for try await packet in client.packets(status: [.created, .claimed], pageSize: 200) {
                #expect(packet.status == .created || packet.status == .claimed)
                both += 1
            }
            #expect(both == 60)

            var forBilling: [Packet] = []
            for try await packet in client.packets(status: [.created], targetAgent: "billing-01", tags: ["billing", "refund"], pageSize: 9) {
                forBilling.append(packet)
            }
            #expect(!forBilling.isEmpty)
            #expect(forBilling.allSatisfy { $0.metadata.targetAgent.id == "billing-01" && $0.status == .created })
            let expected = try await client.listPackets(status: "created", targetAgent: "billing-01", limit: 200).total
            #expect(forBilling.count == expected)
        }
    }

    @Test("an error on a page is thrown from the sequence as HandoffRailError")
    func errorsSurface() async throws {
        let client = try await ClientTestServer.make().inProcessClient(key: "hr_wrong")
        await #expect(throws: HandoffRailError.self) {
            for try await _ in client.packets() {}
        }
    }
}
