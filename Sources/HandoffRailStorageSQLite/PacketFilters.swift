import GRDB
import HandoffRailModels
import HandoffRailStorage

/// The `WHERE` condition of a ``PacketQuery`` over the `packets` table, built from SQL
/// interpolation so every value is a bound parameter.
///
/// Statuses match any of the list; tags match packets that have every listed tag (one
/// `packet_tags` lookup per tag, through the `(tenant_id, tag, packet_seq)` index); dates are
/// inclusive.
///
/// ```swift
/// PacketFilters(PacketQuery(tenantID: "acme", statuses: [.created], tags: ["billing"])).condition
/// // (tenant_id = ?) AND (status IN (?)) AND (seq IN (SELECT packet_seq FROM packet_tags …))
/// ```
struct PacketFilters: Sendable {
    var condition: SQL

    init(_ query: PacketQuery) {
        var conditions: [SQL] = [SQL("tenant_id = \(query.tenantID)")]
        if !query.statuses.isEmpty {
            conditions.append(SQL("status IN \(query.statuses.map(\.rawValue))"))
        }
        if let source = query.sourceAgentID { conditions.append(SQL("source_agent_id = \(source)")) }
        if let target = query.targetAgentID { conditions.append(SQL("target_agent_id = \(target)")) }
        if let priority = query.priority { conditions.append(SQL("priority = \(priority.rawValue)")) }
        if let hitl = query.hitlRequired { conditions.append(SQL("hitl_required = \(hitl)")) }
        if let after = query.createdAfter { conditions.append(SQL("created_at >= \(after.databaseMicroseconds)")) }
        if let before = query.createdBefore { conditions.append(SQL("created_at <= \(before.databaseMicroseconds)")) }
        for tag in Set(query.tags).sorted() {
            conditions.append(SQL("""
                seq IN (SELECT packet_seq FROM packet_tags WHERE tenant_id = \(query.tenantID) AND tag = \(tag))
                """))
        }
        condition = SQL.allOf(conditions)
    }
}

extension SQL {
    /// The conditions joined with AND, each parenthesised.
    static func allOf(_ conditions: [SQL]) -> SQL {
        conditions.map { "(\($0))" as SQL }.joined(separator: " AND ")
    }
}
