import Foundation
import GRDB
import HandoffRailModels
import HandoffRailStorage
@testable import HandoffRailStorageSQLite
import Testing

/// Migration v5 on a database that already holds data: a file migrated only up to v4 (as a
/// previous release left it) with a packet in it opens with ``SQLiteStore``, gains the
/// `handoff_rules` table, keeps the packet, and stores rules.
@Suite("SQLite migration v5 (handoff rules) on an existing v4 database")
struct RuleMigrationTests {
    static let lastMigrationBeforeRules = "v4: fewer indexes on the write path"

    @Test("a v4 database with a packet upgrades to v5 and then stores rules")
    func upgradeFromV4() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hr-v4-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("db.sqlite").path

        // The previous release: schema up to v4, one packet written the way commits write it.
        let packet = Fixture.packet(custom: ["approved": .bool(false)])
        let insert = try PreparedPacketChange(Fixture.insert(packet, tenant: "acme"))
        do {
            let old = try DatabasePool(path: path)
            try SQLiteSchema.migrator.migrate(old, upTo: Self.lastMigrationBeforeRules)
            #expect(try await old.read { try $0.tableExists("handoff_rules") } == false)
            try await old.write { db in
                var writer = PacketCommitWriter(db: db)
                _ = try writer.write(insert)
            }
            try old.close()
        }

        let store = try SQLiteStore(path: path)
        let applied = try await store.reading { db in try SQLiteSchema.migrator.appliedIdentifiers(db) }
        #expect(applied.contains("v5: handoff rules"))
        #expect(try await store.packet(id: packet.id, tenantID: "acme")?.packet == packet)

        let rule = RuleStoreConformance.rule("after-upgrade")
        try await store.insertRule(rule, tenantID: "acme", maximumCount: 100)
        #expect(try await store.rules(tenantID: "acme") == [rule])
        var changed = rule
        changed.enabled = false
        changed.updatedAt = Fixture.time(30)
        #expect(try await store.replaceRule(changed, tenantID: "acme", expectedUpdatedAt: rule.updatedAt))
        #expect(try await store.rule(id: rule.id, tenantID: "acme") == changed)
        try store.close()
    }
}
