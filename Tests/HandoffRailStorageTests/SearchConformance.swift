import Foundation
import HandoffRailModels
import HandoffRailStorage
import Testing

/// `searchPackets`: stemming, ranking, filters, hostile input and index freshness.
enum SearchConformance {
    static let cases: [ConformanceCase] = [
        ConformanceCase("search is stemmed and covers summary, conversation, artifacts and custom", stemmedSearch),
        ConformanceCase("summary matches rank first; filters, paging and totals apply", rankingAndFilters),
        ConformanceCase("search syntax and SQL in the text never break the query", hostileText),
        ConformanceCase("search follows summary edits and finds expired packets", followsEdits),
    ]

    static func ids(_ page: Page<Packet>) -> Set<UUID> { Set(page.rows.map(\.id)) }

    static func stemmedSearch(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let deployment = Fixture.packet(summary: "Finish the deployment of the billing service")
        let running = Fixture.packet(summary: "The nightly job was deployed and keeps running late")
        let conversation = Fixture.packet(summary: "Customer follow-up", conversation: ["The invoices were duplicated twice"])
        let artifact = Fixture.packet(
            summary: "Handover",
            artifacts: [
                Artifact(key: "migration-plan", value: .string("Rollback steps for Postgres")),
                Artifact(key: "matrix", value: .object(["owner": .string("Zanzibar team")])),
            ])
        let custom = Fixture.packet(summary: "Other", custom: ["region": .string("Patagonia"), "retries": .integer(3)])
        try await store.commit([deployment, running, conversation, artifact, custom].map { Fixture.insert($0, tenant: "acme") }, idempotency: nil)

        func search(_ text: String) async throws -> Set<UUID> {
            ids(try await store.searchPackets(PacketSearchQuery(tenantID: "acme", text: text)))
        }
        // Porter: "deployments" and "deployment" stem to "deploy", "deploying" and "deployed" to "deploi".
        #expect(try await search("deployments") == [deployment.id])
        #expect(try await search("DEPLOYMENT billing") == [deployment.id])
        #expect(try await search("deploying") == [running.id])
        #expect(try await search("run") == [running.id])
        #expect(try await search("runs late") == [running.id])
        #expect(try await search("invoice duplicate") == [conversation.id])
        #expect(try await search("postgres rollback") == [artifact.id])
        #expect(try await search("migration") == [artifact.id])
        #expect(try await search("zanzibar") == [artifact.id])
        #expect(try await search("patagonia") == [custom.id])
        #expect(try await search("region") == [custom.id])
        #expect(try await search("deployment running").isEmpty)
        #expect(try await search("unrelated").isEmpty)
    }

    static func rankingAndFilters(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let bodyOnly = Fixture.packet(
            priority: .low, summary: "Weekly sync notes", conversation: ["We talked about the kubernetes upgrade"],
            createdAt: Fixture.time(10))
        let inSummary = Fixture.packet(status: .claimed, priority: .high, summary: "Kubernetes upgrade checklist", createdAt: Fixture.time(1))
        let olderSummary = Fixture.packet(status: .completed, priority: .high, summary: "Kubernetes upgrade retro", createdAt: Fixture.time(0))
        try await store.commit([bodyOnly, inSummary, olderSummary].map { Fixture.insert($0, tenant: "acme") }, idempotency: nil)

        let all = try await store.searchPackets(PacketSearchQuery(tenantID: "acme", text: "kubernetes upgrade"))
        #expect(all.total == 3)
        #expect(all.rows.last?.id == bodyOnly.id)
        #expect(Set(all.rows.prefix(2).map(\.id)) == [inSummary.id, olderSummary.id])

        let claimed = try await store.searchPackets(PacketSearchQuery(tenantID: "acme", text: "kubernetes", statuses: [.claimed, .created]))
        #expect(ids(claimed) == [inSummary.id, bodyOnly.id])
        #expect(claimed.total == 2)
        let high = try await store.searchPackets(PacketSearchQuery(tenantID: "acme", text: "kubernetes", priority: .high))
        #expect(ids(high) == [inSummary.id, olderSummary.id])

        let firstPage = try await store.searchPackets(PacketSearchQuery(tenantID: "acme", text: "kubernetes", limit: 2))
        let secondPage = try await store.searchPackets(PacketSearchQuery(tenantID: "acme", text: "kubernetes", limit: 2, offset: 2))
        #expect(firstPage.rows.count == 2)
        #expect(firstPage.total == 3)
        #expect(secondPage.rows.map(\.id) == [bodyOnly.id])
        #expect(secondPage.total == 3)
    }

    static func hostileText(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let packet = Fixture.packet(summary: "Quote \"deploy\" OR near the table: v2*")
        try await store.commit([Fixture.insert(packet, tenant: "acme")], idempotency: nil)
        let hostile = [
            "\"", "\"\"", "*", "deploy*", "'; DROP TABLE packets; --", "NEAR(", "NEAR(deploy table)", "OR", "deploy OR",
            "AND NOT", "summary:deploy", "^deploy", "(deploy", "deploy)", "-deploy", "+", "\\", "%_", "{summary}: x",
            "\u{0}", "ünïcödé ☃︎ 🚀", String(repeating: "word ", count: 500),
        ]
        for text in hostile {
            _ = try await store.searchPackets(PacketSearchQuery(tenantID: "acme", text: text))
        }
        #expect(try await store.searchPackets(PacketSearchQuery(tenantID: "acme", text: "\"deploy\"")).rows.map(\.id) == [packet.id])
        #expect(try await store.searchPackets(PacketSearchQuery(tenantID: "acme", text: "deploy* OR")).rows.map(\.id) == [packet.id])
        #expect(try await store.searchPackets(PacketSearchQuery(tenantID: "acme", text: "NEAR(table")).rows.map(\.id) == [packet.id])
        let empty = try await store.searchPackets(PacketSearchQuery(tenantID: "acme", text: "'\"*--;"))
        #expect(empty.rows.isEmpty)
        #expect(empty.total == 0)
        // The injection attempt dropped nothing.
        #expect(try await store.packet(id: packet.id, tenantID: "acme") != nil)
    }

    static func followsEdits(_ harness: any StoreHarness) async throws {
        let store = harness.store
        var packet = Fixture.packet(summary: "Prepare the anniversary newsletter")
        try await store.commit([Fixture.insert(packet, tenant: "acme")], idempotency: nil)
        func search(_ text: String) async throws -> [UUID] {
            try await store.searchPackets(PacketSearchQuery(tenantID: "acme", text: text)).rows.map(\.id)
        }
        #expect(try await search("newsletter") == [packet.id])

        packet.context.summary = "Prepare the quarterly webinar"
        packet.context.conversationState = [ContextEntry(role: .agent, content: "Slides are in the drive")]
        try await store.commit([Fixture.update(packet, tenant: "acme", from: 1)], idempotency: nil)
        #expect(try await search("newsletter").isEmpty)
        #expect(try await search("webinar") == [packet.id])
        #expect(try await search("slides") == [packet.id])

        packet.status = .expired
        try await store.commit([Fixture.update(packet, tenant: "acme", from: 2, event: .packetExpired)], idempotency: nil)
        #expect(try await search("webinar") == [packet.id])
        let expired = try await store.searchPackets(PacketSearchQuery(tenantID: "acme", text: "webinar", statuses: [.expired]))
        #expect(expired.rows.first?.status == .expired)
    }
}
