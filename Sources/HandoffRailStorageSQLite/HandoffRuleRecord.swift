import Foundation
import GRDB
import HandoffRailModels

/// A `handoff_rules` row (migration v5): the rule's scalar fields as columns, its `match`,
/// `condition` and `action` as JSON text (written and read with ``HandoffRailJSON``, so
/// comparison values keep their JSON number kind). `position` holds the rule's `order`.
struct HandoffRuleRecord: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "handoff_rules"

    var tenantID: String
    var rule: HandoffRule

    init(_ rule: HandoffRule, tenantID: String) {
        self.rule = rule
        self.tenantID = tenantID
    }

    init(row: Row) throws {
        tenantID = row["tenant_id"]
        rule = HandoffRule(
            id: try row.uuid("id"), name: row["name"], description: row["description"], enabled: row["enabled"],
            order: row["position"], match: try row.json(HandoffRuleMatch.self, "match"),
            condition: try row.optionalJSON(HandoffRuleCondition.self, "condition"),
            action: try row.json(HandoffRuleAction.self, "action"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = rule.id.databaseText
        container["tenant_id"] = tenantID
        container["name"] = rule.name
        container["description"] = rule.description
        container["enabled"] = rule.enabled
        container["position"] = rule.order
        container["match"] = try databaseJSON(rule.match)
        container["condition"] = try rule.condition.map { try databaseJSON($0) }
        container["action"] = try databaseJSON(rule.action)
        container["created_at"] = rule.createdAt.databaseMicroseconds
        container["updated_at"] = rule.updatedAt.databaseMicroseconds
    }
}
