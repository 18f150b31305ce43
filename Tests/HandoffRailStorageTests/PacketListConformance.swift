import Foundation
import HandoffRailModels
import HandoffRailStorage
import Testing

/// `packets(matching:)`: every filter, newest-first order, totals, offset and cursor paging.
enum PacketListConformance {
    static let cases: [ConformanceCase] = [
        ConformanceCase("every list filter, combined with AND, newest first, with totals", filters),
        ConformanceCase("tags match packets having all of them", tagsAreAnded),
        ConformanceCase("cursor pages cover every row once, in order", cursorPagination),
        ConformanceCase("offset pages and totals", offsetPagination),
    ]

    /// Twelve packets of one tenant with varied attributes, one second apart (index 0 oldest).
    static func seed(_ store: any HandoffRailStore, tenant: String = "acme") async throws -> [Packet] {
        let statuses: [PacketStatus] = [.created, .claimed, .inProgress, .completed]
        let priorities: [Priority] = [.low, .normal, .high, .critical]
        var packets: [Packet] = []
        for index in 0..<12 {
            packets.append(Fixture.packet(
                status: statuses[index % 4], source: "source-\(index % 2)", target: "target-\(index % 3)",
                priority: priorities[index % 4], tags: index.isMultiple(of: 2) ? ["even"] : ["odd"],
                hitlRequired: index % 5 == 0, createdAt: Fixture.time(Double(index))))
        }
        try await store.commit(packets.map { Fixture.insert($0, tenant: tenant) }, idempotency: nil)
        return packets
    }

    static func filters(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let packets = try await seed(store)
        try await store.commit([Fixture.insert(Fixture.packet(), tenant: "other")], idempotency: nil)

        func expectList(_ query: PacketQuery, _ include: (Int, Packet) -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let expected = packets.enumerated().filter { include($0.offset, $0.element) }.map(\.element).reversed()
            let page = try await store.packets(matching: query)
            #expect(page.rows == Array(expected), sourceLocation: sourceLocation)
            #expect(page.total == expected.count, sourceLocation: sourceLocation)
        }

        try await expectList(PacketQuery(tenantID: "acme")) { _, _ in true }
        try await expectList(PacketQuery(tenantID: "acme", statuses: [.claimed])) { _, packet in packet.status == .claimed }
        try await expectList(PacketQuery(tenantID: "acme", statuses: [.created, .completed])) { _, packet in
            packet.status == .created || packet.status == .completed
        }
        try await expectList(PacketQuery(tenantID: "acme", sourceAgentID: "source-1")) { index, _ in index % 2 == 1 }
        try await expectList(PacketQuery(tenantID: "acme", targetAgentID: "target-2")) { index, _ in index % 3 == 2 }
        try await expectList(PacketQuery(tenantID: "acme", priority: .high)) { _, packet in packet.metadata.priority == .high }
        try await expectList(PacketQuery(tenantID: "acme", hitlRequired: true)) { index, _ in index % 5 == 0 }
        try await expectList(PacketQuery(tenantID: "acme", hitlRequired: false)) { index, _ in index % 5 != 0 }
        try await expectList(PacketQuery(tenantID: "acme", createdAfter: Fixture.time(3), createdBefore: Fixture.time(7))) { index, _ in
            (3...7).contains(index)
        }
        try await expectList(PacketQuery(tenantID: "acme", statuses: [.created], sourceAgentID: "source-0", tags: ["even"])) { index, packet in
            packet.status == .created && index % 2 == 0
        }
        try await expectList(PacketQuery(tenantID: "acme", statuses: [.claimed], sourceAgentID: "source-0")) { _, _ in false }
        try await expectList(PacketQuery(tenantID: "nobody")) { _, _ in false }
    }

    static func tagsAreAnded(_ harness: any StoreHarness) async throws {
        let store = harness.store
        var both = Fixture.packet(tags: ["billing", "urgent"], createdAt: Fixture.time(1))
        let billingOnly = Fixture.packet(tags: ["billing"], createdAt: Fixture.time(2))
        let urgentOnly = Fixture.packet(tags: ["urgent", "other"], createdAt: Fixture.time(3))
        let elsewhere = Fixture.packet(tags: ["billing", "urgent"])
        try await store.commit([both, billingOnly, urgentOnly].map { Fixture.insert($0, tenant: "acme") }, idempotency: nil)
        try await store.commit([Fixture.insert(elsewhere, tenant: "other")], idempotency: nil)

        #expect(try await store.packets(matching: PacketQuery(tenantID: "acme", tags: ["billing", "urgent"])).rows == [both])
        #expect(try await store.packets(matching: PacketQuery(tenantID: "acme", tags: ["billing"])).rows == [billingOnly, both])
        #expect(try await store.packets(matching: PacketQuery(tenantID: "acme", tags: ["urgent", "urgent"])).rows == [urgentOnly, both])
        #expect(try await store.packets(matching: PacketQuery(tenantID: "acme", tags: ["missing"])).total == 0)

        // Tags follow updates: removed tags stop matching, added ones start.
        both.metadata.tags = ["urgent", "escalated"]
        try await store.commit([Fixture.update(both, tenant: "acme", from: 1)], idempotency: nil)
        #expect(try await store.packets(matching: PacketQuery(tenantID: "acme", tags: ["billing", "urgent"])).total == 0)
        #expect(try await store.packets(matching: PacketQuery(tenantID: "acme", tags: ["escalated"])).rows == [both])
        #expect(try await store.packets(matching: PacketQuery(tenantID: "acme", tags: ["billing"])).rows == [billingOnly])
    }

    static func cursorPagination(_ harness: any StoreHarness) async throws {
        let store = harness.store
        // 23 packets over 8 distinct instants: ties on created_at are ordered by id.
        let packets = (0..<23).map { Fixture.packet(createdAt: Fixture.time(Double($0 % 8))) }
        try await store.commit(packets.map { Fixture.insert($0, tenant: "acme") }, idempotency: nil)
        let everything = try await store.packets(matching: PacketQuery(tenantID: "acme", limit: 100))
        #expect(everything.rows.count == 23)
        #expect(everything.next == nil)
        let expectedOrder = packets.sorted {
            ($0.createdAt, $0.id.uuidString.lowercased()) > ($1.createdAt, $1.id.uuidString.lowercased())
        }
        #expect(everything.rows.map(\.id) == expectedOrder.map(\.id))

        var seen: [Packet] = []
        var cursor: PacketCursor?
        var pages = 0
        repeat {
            // The offset is ignored once a cursor is given.
            let page = try await store.packets(matching: PacketQuery(tenantID: "acme", limit: 5, offset: cursor == nil ? 0 : 3, cursor: cursor))
            #expect(page.total == 23)
            seen += page.rows
            cursor = page.next
            pages += 1
            if page.rows.count < 5 { #expect(page.next == nil) }
        } while cursor != nil && pages < 10
        #expect(pages == 5)
        #expect(seen.map(\.id) == expectedOrder.map(\.id))

        // A page that ends exactly at the last row still offers a cursor; the next page is empty.
        let twenty = try await store.packets(matching: PacketQuery(tenantID: "acme", limit: 23))
        let after = try await store.packets(matching: PacketQuery(tenantID: "acme", cursor: try #require(twenty.next)))
        #expect(after.rows.isEmpty)
        #expect(after.next == nil)

        // Cursors combine with filters.
        let filtered = try await store.packets(matching: PacketQuery(
            tenantID: "acme", createdBefore: Fixture.time(5), limit: 4,
            cursor: PacketCursor(createdAt: expectedOrder[10].createdAt, id: expectedOrder[10].id)))
        let expectedFiltered = expectedOrder[11...].filter { $0.createdAt <= Fixture.time(5) }.prefix(4)
        #expect(filtered.rows.map(\.id) == expectedFiltered.map(\.id))
    }

    static func offsetPagination(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let packets = try await seed(store)
        let newestFirst = Array(packets.reversed())
        let page = try await store.packets(matching: PacketQuery(tenantID: "acme", limit: 5, offset: 5))
        #expect(page.rows == Array(newestFirst[5..<10]))
        #expect(page.total == 12)
        let last = try await store.packets(matching: PacketQuery(tenantID: "acme", limit: 5, offset: 10))
        #expect(last.rows == Array(newestFirst[10...]))
        #expect(last.next == nil)
        let beyond = try await store.packets(matching: PacketQuery(tenantID: "acme", limit: 5, offset: 50))
        #expect(beyond.rows.isEmpty)
        #expect(beyond.total == 12)
    }
}
