import Foundation
import GRDB
import HandoffRailModels
import HandoffRailStorage

/// ``RuleStore`` on the `handoff_rules` table; a taken name surfaces as the unique index's
/// constraint violation, mapped to `StoreError(.duplicate)` by ``writing(_:)``.
extension SQLiteStore {
    public func insertRule(_ rule: HandoffRule, tenantID: String, maximumCount: Int) async throws {
        try await writing { db in
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM handoff_rules WHERE tenant_id = ?", arguments: [tenantID]) ?? 0
            guard count < maximumCount else { throw StoreError(.limitExceeded, subject: tenantID) }
            try HandoffRuleRecord(rule, tenantID: tenantID).insert(db)
        }
    }

    public func rules(tenantID: String) async throws -> [HandoffRule] {
        try await reading { db in
            try HandoffRuleRecord.fetchAll(
                db, sql: "SELECT * FROM handoff_rules WHERE tenant_id = ? ORDER BY position, created_at, id", arguments: [tenantID]
            ).map(\.rule)
        }
    }

    public func rule(id: UUID, tenantID: String) async throws -> HandoffRule? {
        try await reading { db in
            try HandoffRuleRecord.fetchOne(
                db, sql: "SELECT * FROM handoff_rules WHERE id = ? AND tenant_id = ?", arguments: [id.databaseText, tenantID]
            )?.rule
        }
    }

    public func replaceRule(_ rule: HandoffRule, tenantID: String, expectedUpdatedAt: Date) async throws -> Bool {
        let match = try databaseJSON(rule.match)
        let condition = try rule.condition.map { try databaseJSON($0) }
        let action = try databaseJSON(rule.action)
        return try await writing { db in
            try db.execute(literal: SQL("""
                UPDATE handoff_rules SET name = \(rule.name), description = \(rule.description), enabled = \(rule.enabled),
                    position = \(rule.order), match = \(match), condition = \(condition), action = \(action),
                    updated_at = \(rule.updatedAt.databaseMicroseconds)
                WHERE id = \(rule.id.databaseText) AND tenant_id = \(tenantID)
                    AND updated_at = \(expectedUpdatedAt.databaseMicroseconds)
                """))
            if db.changesCount > 0 { return true }
            let exists = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM handoff_rules WHERE id = ? AND tenant_id = ?)",
                arguments: [rule.id.databaseText, tenantID]) ?? false
            guard !exists else { throw StoreError(.revisionConflict, subject: rule.id.databaseText) }
            return false
        }
    }

    public func deleteRule(id: UUID, tenantID: String) async throws -> Bool {
        try await writing { db in
            try db.execute(sql: "DELETE FROM handoff_rules WHERE id = ? AND tenant_id = ?", arguments: [id.databaseText, tenantID])
            return db.changesCount > 0
        }
    }
}
