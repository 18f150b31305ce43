import Foundation
import HandoffRailModels
import HandoffRailStorage
import HandoffRailStorageSQLite
import Testing

/// ``RuleStore`` behaviour, written against the protocol (a PostgreSQL store runs the same
/// cases), and run here on SQLite.
enum RuleStoreConformance {
    static let cases: [ConformanceCase] = [
        ConformanceCase("rules: insert, read back every field, list in evaluation order", evaluationOrder),
        ConformanceCase("rules: names are unique per tenant, on insert and on rename", uniqueNames),
        ConformanceCase("rules: replace and delete only the tenant's own rule", replaceAndDelete),
        ConformanceCase("rules: a replace based on a stale read is a revision conflict", staleReplace),
        ConformanceCase("rules: the per-tenant maximum is enforced on insert", maximumCount),
    ]

    static func rule(
        _ name: String, order: Int = 0, at seconds: Double = 0, id: UUID = UUID(), condition: HandoffRuleCondition? = nil
    ) -> HandoffRule {
        HandoffRule(
            id: id, name: name, description: "about \(name)", enabled: true, order: order,
            match: HandoffRuleMatch(sourceAgent: "triage"), condition: condition,
            action: HandoffRuleAction(type: .forceTransfer, targetAgent: HandoffRuleTarget(id: "senior", name: "Senior")),
            createdAt: Fixture.time(seconds), updatedAt: Fixture.time(seconds))
    }

    static func evaluationOrder(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let condition = HandoffRuleCondition(operator: .or, comparisons: [
            HandoffRuleComparison(variable: "context.custom.ratio", op: .ge, value: .number(2.0)),
            HandoffRuleComparison(variable: "context.custom.count", op: .eq, value: .integer(2)),
            HandoffRuleComparison(variable: "context.custom.flag", op: .exists),
        ])
        let tieLow = rule("tie-low", order: 1, at: 5, id: UUID(uuidString: "00000000-0000-0000-0000-00000000000a")!)
        let tieHigh = rule("tie-high", order: 1, at: 5, id: UUID(uuidString: "b0000000-0000-0000-0000-000000000000")!)
        let first = rule("first", order: -3, at: 9, condition: condition)
        let late = rule("late", order: 1, at: 7)
        let last = rule("last", order: 10, at: 0)
        for each in [last, tieHigh, late, first, tieLow] { try await store.insertRule(each, tenantID: "acme", maximumCount: 100) }
        try await store.insertRule(rule("elsewhere", order: -100), tenantID: "other", maximumCount: 100)

        let listed = try await store.rules(tenantID: "acme")
        #expect(listed.map(\.name) == ["first", "tie-low", "tie-high", "late", "last"])
        // Every field round-trips, and JSON numbers keep their kind (2.0 stays a double).
        #expect(listed.first == first)
        #expect(try await store.rule(id: first.id, tenantID: "acme") == first)
        #expect(try await store.rule(id: first.id, tenantID: "other") == nil)
        #expect(try await store.rules(tenantID: "nobody").isEmpty)
    }

    static func uniqueNames(_ harness: any StoreHarness) async throws {
        let store = harness.store
        try await store.insertRule(rule("same"), tenantID: "acme", maximumCount: 100)
        try await store.insertRule(rule("same"), tenantID: "other", maximumCount: 100)
        await expectStoreError(.duplicate) { try await store.insertRule(rule("same"), tenantID: "acme", maximumCount: 100) }
        var renamed = rule("different")
        try await store.insertRule(renamed, tenantID: "acme", maximumCount: 100)
        renamed.name = "same"
        await expectStoreError(.duplicate) { try await store.replaceRule(renamed, tenantID: "acme", expectedUpdatedAt: renamed.updatedAt) }
        #expect(try await store.rules(tenantID: "acme").map(\.name).sorted() == ["different", "same"])
    }

    static func replaceAndDelete(_ harness: any StoreHarness) async throws {
        let store = harness.store
        var original = rule("r", condition: HandoffRuleCondition(operator: .and, comparisons: [
            HandoffRuleComparison(variable: "metadata.priority", op: .eq, value: "high"),
        ]))
        try await store.insertRule(original, tenantID: "acme", maximumCount: 100)
        original.enabled = false
        original.order = 4
        original.condition = nil
        original.description = nil
        original.action = HandoffRuleAction(type: .blockClaim, reason: "audit")
        let readAt = original.updatedAt
        original.updatedAt = Fixture.time(60)
        #expect(try await store.replaceRule(original, tenantID: "other", expectedUpdatedAt: readAt) == false)
        #expect(try await store.replaceRule(original, tenantID: "acme", expectedUpdatedAt: readAt))
        #expect(try await store.rule(id: original.id, tenantID: "acme") == original)
        #expect(try await store.replaceRule(rule("ghost"), tenantID: "acme", expectedUpdatedAt: readAt) == false)

        #expect(try await store.deleteRule(id: original.id, tenantID: "other") == false)
        #expect(try await store.deleteRule(id: original.id, tenantID: "acme"))
        #expect(try await store.deleteRule(id: original.id, tenantID: "acme") == false)
        #expect(try await store.rules(tenantID: "acme").isEmpty)
    }

    static func staleReplace(_ harness: any StoreHarness) async throws {
        let store = harness.store
        let original = rule("r", at: 1)
        try await store.insertRule(original, tenantID: "acme", maximumCount: 100)
        var first = original
        first.order = 7
        first.updatedAt = Fixture.time(2)
        #expect(try await store.replaceRule(first, tenantID: "acme", expectedUpdatedAt: original.updatedAt))
        // A second writer that read the rule before the first write lost the race.
        var second = original
        second.enabled = false
        second.updatedAt = Fixture.time(3)
        await expectStoreError(.revisionConflict) { try await store.replaceRule(second, tenantID: "acme", expectedUpdatedAt: original.updatedAt) }
        #expect(try await store.rule(id: original.id, tenantID: "acme") == first)
        // Re-read and retry: it goes through.
        #expect(try await store.replaceRule(second, tenantID: "acme", expectedUpdatedAt: first.updatedAt))
        #expect(try await store.rule(id: original.id, tenantID: "acme")?.enabled == false)
    }

    static func maximumCount(_ harness: any StoreHarness) async throws {
        let store = harness.store
        for index in 0..<3 { try await store.insertRule(rule("r\(index)"), tenantID: "acme", maximumCount: 3) }
        await expectStoreError(.limitExceeded) { try await store.insertRule(rule("r3"), tenantID: "acme", maximumCount: 3) }
        try await store.insertRule(rule("r0"), tenantID: "other", maximumCount: 3)   // per tenant
        #expect(try await store.rules(tenantID: "acme").count == 3)
        #expect(try await store.deleteRule(id: try #require(try await store.rules(tenantID: "acme").first).id, tenantID: "acme"))
        try await store.insertRule(rule("r3"), tenantID: "acme", maximumCount: 3)
    }
}

@Suite("SQLite rule store")
struct SQLiteRuleStoreTests {
    @Test("conformance", arguments: RuleStoreConformance.cases)
    func conformance(_ check: ConformanceCase) async throws {
        try await check.run(SQLiteHarness())
    }

    @Test("rules survive reopening the database (migration v5 applied once)")
    func reopen() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hr-rules-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("db.sqlite").path
        let rule = RuleStoreConformance.rule("kept")
        do {
            let store = try SQLiteStore(path: path)
            try await store.insertRule(rule, tenantID: "acme", maximumCount: 100)
            try store.close()
        }
        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.rules(tenantID: "acme") == [rule])
        try reopened.close()
    }
}
