import GRDB
import HandoffRailModels
import HandoffRailStorage

extension SQLiteStore {
    /// Full-text search over the `packet_search` FTS5 index (porter stemming, unicode61),
    /// ranked by bm25 with the summary weighing ten times the body, then newest first.
    ///
    /// Text without any word returns an empty page rather than an error.
    public func searchPackets(_ query: PacketSearchQuery) async throws -> Page<Packet> {
        guard let fullText = FullTextQuery(query.text) else { return Page(rows: [], total: 0) }
        var conditions: [SQL] = [
            SQL("packet_search MATCH \(fullText.match)"),
            SQL("packets.tenant_id = \(query.tenantID)"),
        ]
        if !query.statuses.isEmpty {
            conditions.append(SQL("packets.status IN \(query.statuses.map(\.rawValue))"))
        }
        if let priority = query.priority {
            conditions.append(SQL("packets.priority = \(priority.rawValue)"))
        }
        let condition = SQL.allOf(conditions)
        return try await reading { db in
            let total = try Int.fetchOne(db, sqlRequest("""
                SELECT COUNT(*) FROM packet_search JOIN packets ON packets.seq = packet_search.rowid WHERE \(condition)
                """)) ?? 0
            let documents = try Row.fetchAll(db, sqlRequest("""
                SELECT packets.document FROM packet_search JOIN packets ON packets.seq = packet_search.rowid
                WHERE \(condition)
                ORDER BY bm25(packet_search, 10.0, 1.0), packets.created_at DESC, packets.id DESC
                LIMIT \(max(query.limit, 0)) OFFSET \(max(query.offset, 0))
                """))
            let packets = try documents.map { try $0.json(Packet.self, "document") }
            return Page(rows: packets, total: total)
        }
    }
}
