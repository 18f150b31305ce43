import Foundation
import HandoffRailModels
import HandoffRailStorage

extension HandoffRailService {
    public func getPacket(_ input: Operations.GetPacket.Input, caller: APICaller) async throws -> Operations.GetPacket.Output {
        .ok(try await requirePacket(id: input.packetId, caller: caller).packet)
    }

    public func listPackets(_ input: Operations.ListPackets.Input, caller: APICaller) async throws -> Operations.ListPackets.Output {
        let query = PacketQuery(
            tenantID: caller.tenantID,
            statuses: try Self.statuses(input.status),
            sourceAgentID: input.sourceAgent,
            targetAgentID: input.targetAgent,
            tags: Self.commaSeparated(input.tags),
            priority: input.priority,
            hitlRequired: input.hitlRequired,
            createdAfter: input.createdAfter,
            createdBefore: input.createdBefore,
            limit: input.limit,
            offset: input.offset,
            cursor: try input.cursor.map(PacketCursorCodec.decode)
        )
        let page = try await store.packets(matching: query)
        return .ok(PacketList(
            packets: page.rows, total: page.total, limit: input.limit, offset: query.cursor == nil ? input.offset : 0,
            nextCursor: page.next.map(PacketCursorCodec.encode)
        ))
    }

    public func listAwaitingPackets(_ input: Operations.ListAwaitingPackets.Input, caller: APICaller) async throws -> Operations.ListAwaitingPackets.Output {
        let query = PacketQuery(tenantID: caller.tenantID, statuses: [.awaitingHuman], limit: input.limit, offset: input.offset)
        let page = try await store.packets(matching: query)
        return .ok(PacketList(packets: page.rows, total: page.total, limit: input.limit, offset: input.offset, nextCursor: nil))
    }

    public func searchPackets(_ input: Operations.SearchPackets.Input, caller: APICaller) async throws -> Operations.SearchPackets.Output {
        let text = input.q.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count >= 2 else {
            throw ServiceError.unprocessable("q must be at least 2 characters", code: "query_too_short", field: "q")
        }
        let query = PacketSearchQuery(
            tenantID: caller.tenantID, text: text, statuses: try Self.statuses(input.status), priority: input.priority,
            limit: input.limit, offset: input.offset
        )
        let page = try await store.searchPackets(query)
        return .ok(PacketList(packets: page.rows, total: page.total, limit: input.limit, offset: input.offset, nextCursor: nil))
    }

    public func getPacketHistory(_ input: Operations.GetPacketHistory.Input, caller: APICaller) async throws -> Operations.GetPacketHistory.Output {
        _ = try await requirePacket(id: input.packetId, caller: caller)
        let events = try await store.history(packetID: input.packetId, tenantID: caller.tenantID)
        return .ok(PacketHistory(packetId: input.packetId, events: events))
    }

    public func listAuditEntries(_ input: Operations.ListAuditEntries.Input, caller: APICaller) async throws -> Operations.ListAuditEntries.Output {
        let query = AuditQuery(
            tenantID: caller.tenantID, actor: input.actor, action: input.action, packetID: input.packetId,
            createdAfter: input.createdAfter, createdBefore: input.createdBefore, limit: input.limit, offset: input.offset
        )
        let page = try await store.auditEntries(matching: query)
        return .ok(AuditList(entries: page.rows, total: page.total, limit: input.limit, offset: input.offset))
    }

    /// `status=created,claimed` → the statuses (OR). An unknown status is 422 naming it.
    static func statuses(_ parameter: String?) throws -> [PacketStatus] {
        try commaSeparated(parameter).map { raw in
            let status = PacketStatus(rawValue: raw)
            if case .undocumented = status {
                let valid = PacketStatus.allCases.filter { if case .undocumented = $0 { false } else { true } }.map(\.rawValue)
                throw ServiceError.unprocessable(
                    "Invalid status '\(raw)'. Valid values: \(valid.joined(separator: ", "))", code: "invalid_status", field: "status"
                )
            }
            return status
        }
    }

    /// Comma-separated values, trimmed, empties dropped.
    static func commaSeparated(_ parameter: String?) -> [String] {
        guard let parameter else { return [] }
        return parameter.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
