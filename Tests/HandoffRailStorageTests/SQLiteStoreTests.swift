import Foundation
import GRDB
import HandoffRailModels
import HandoffRailStorage
@testable import HandoffRailStorageSQLite
import Testing

/// Runs the conformance suite on SQLite, plus what is particular to the SQLite store.
@Suite("SQLiteStore")
struct SQLiteStoreTests {
    @Test("conformance", arguments: StoreConformance.cases)
    func conformance(_ check: ConformanceCase) async throws {
        try await check.run(SQLiteHarness())
    }

    @Test("a database file keeps its rows across reopening")
    func reopen() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("handoffrail-reopen-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("store.sqlite").path
        let packet = Fixture.packet()
        do {
            let store = try SQLiteStore(path: path)
            try await store.commit([Fixture.insert(packet, tenant: "acme")], idempotency: nil)
            try store.close()
        }
        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.packet(id: packet.id, tenantID: "acme")?.packet == packet)
        #expect(try await reopened.searchPackets(PacketSearchQuery(tenantID: "acme", text: "quarterly")).total == 1)
        try reopened.close()
    }

    @Test("pragmas: WAL, synchronous NORMAL, foreign keys")
    func pragmas() async throws {
        let store = try SQLiteStore.temporary()
        let (journal, synchronous, foreignKeys) = try await store.dbPool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journal == "wal")
        #expect(synchronous == 1)
        #expect(foreignKeys == true)
        #expect(store.backendName == "sqlite")
        #expect(store.connectionPoolDescription() == [
            "backend": .string("sqlite"), "readers": .integer(4), "writers": .integer(1), "journal_mode": .string("wal"),
        ])
    }

    @Test("a closed store and an unopenable path are unavailable")
    func unavailable() async throws {
        let store = try SQLiteStore.temporary()
        try await store.ping()
        try store.close()
        await expectStoreError(.unavailable) { try await store.ping() }
        await expectStoreError(.unavailable) { try await store.packet(id: UUID(), tenantID: "acme") }
        #expect(throws: StoreError.self) { try SQLiteStore(path: "/nonexistent-\(UUID())/sub/store.sqlite") }
    }

    @Test("the error description never carries the driver's message")
    func errorDescription() async throws {
        let store = try SQLiteStore.temporary()
        try await store.insertTenant(Fixture.tenant("acme", name: "Secret Name"))
        let error = await expectStoreError(.duplicate) { try await store.insertTenant(Fixture.tenant("acme2", name: "Secret Name")) }
        #expect(error?.description == "StoreError.duplicate")
        #expect(error?.debugDescription.contains("UNIQUE") == true)
    }

    @Test("full-text queries keep only quoted words")
    func fullTextQuery() {
        #expect(FullTextQuery("deploy \"prod\" OR NEAR(x*")?.match == #""deploy" "prod" "OR" "NEAR" "x""#)
        #expect(FullTextQuery("'; --") == nil)
        #expect(FullTextQuery("  ") == nil)
        #expect(FullTextQuery("Ünïcode 2024")?.match == #""Ünïcode" "2024""#)
        #expect(FullTextQuery(String(repeating: "a ", count: 100))?.match.split(separator: " ").count == FullTextQuery.maximumWordCount)
    }
}

/// A fresh temporary SQLite store; delivery outcomes are written with plain SQL.
struct SQLiteHarness: StoreHarness {
    let sqlite: SQLiteStore
    var store: any HandoffRailStore { sqlite }

    init() throws {
        sqlite = try SQLiteStore.temporary()
    }

    func setDeliveryOutcome(id: UUID, status: DeliveryStatus, latencyMs: Double?) async throws {
        try await sqlite.dbPool.write { db in
            try db.execute(
                sql: "UPDATE webhook_deliveries SET status = ?, latency_ms = ?, attempts = attempts + 1 WHERE id = ?",
                arguments: [status.rawValue, latencyMs, id.uuidString.lowercased()])
            #expect(db.changesCount == 1)
        }
    }
}
