import HandoffRailModels

/// Tables for packets: one row per packet in lists, a key/value sheet for one packet.
///
/// ```swift
/// context.output.write(PacketRendering.list(page.packets, output: context.output))
/// ```
enum PacketRendering {
    /// Packets as rows: id, status, priority, from → to, created, summary (last, so a narrow
    /// terminal cuts the summary rather than the id).
    static func list(_ packets: [Packet], output: OutputPrinter) -> String {
        var table = Table(columns: ["ID", "STATUS", "PRIORITY", "FROM", "TO", "CREATED", "SUMMARY"])
        for packet in packets {
            table.append(cells: [
                Table.Cell(packet.id.lowercasedString),
                statusCell(packet.status.rawValue),
                Table.Cell(packet.metadata.priority.rawValue),
                Table.Cell(packet.metadata.sourceAgent.id),
                Table.Cell(packet.metadata.targetAgent.id),
                Table.Cell(CellText.date(packet.createdAt)),
                Table.Cell(packet.context.summary),
            ])
        }
        return output.render(table)
    }

    /// One packet as `FIELD  VALUE` lines, then its sections' sizes.
    static func detail(_ packet: Packet, output: OutputPrinter) -> String {
        var table = Table(columns: ["FIELD", "VALUE"])
        let metadata = packet.metadata
        table.append(["id", packet.id.lowercasedString])
        table.append(cells: ["status", statusCell(packet.status.rawValue)])
        table.append(["priority", metadata.priority.rawValue])
        table.append(["from", agent(metadata.sourceAgent.id, metadata.sourceAgent.name, metadata.sourceAgent.framework)])
        table.append(["to", agent(metadata.targetAgent.id, metadata.targetAgent.name, metadata.targetAgent.framework)])
        table.append(["summary", packet.context.summary])
        if !metadata.tags.isEmpty { table.append(["tags", metadata.tags.joined(separator: ", ")]) }
        if let parent = packet.parentPacketId { table.append(["parent", parent.lowercasedString]) }
        table.append(["created", CellText.date(packet.createdAt)])
        table.append(["updated", CellText.date(packet.updatedAt)])
        if let claimed = metadata.claimedAt { table.append(["claimed", CellText.date(claimed)]) }
        if let completed = metadata.completedAt { table.append(["completed", CellText.date(completed)]) }
        if let hitl = packet.hitl {
            table.append(["hitl", hitl.reason + (hitl.question.map { " — \($0)" } ?? "")])
            if let options = hitl.options, !options.isEmpty { table.append(["hitl options", options.joined(separator: ", ")]) }
            if let response = hitl.response { table.append(["hitl response", response + (hitl.respondedBy.map { " (by \($0))" } ?? "")]) }
        }
        table.append(["sections", sections(packet)])
        if !packet.context.custom.isEmpty { table.append(["custom", CellText.json(.object(packet.context.custom))]) }
        return output.render(table)
    }

    /// A status cell coloured by state.
    static func statusCell(_ status: String) -> Table.Cell {
        Table.Cell(status, TextStyle.attribute(forStatus: status))
    }

    private static func agent(_ id: String, _ name: String, _ framework: String?) -> String {
        "\(id) (\(name)\(framework.map { ", \($0)" } ?? ""))"
    }

    private static func sections(_ packet: Packet) -> String {
        let actions = packet.actions
        return [
            "\(packet.context.conversationState.count) turns",
            "\(packet.context.artifacts.count) artifacts",
            "\(packet.decisions.count) decisions",
            "\(actions.pending.count)/\(actions.completed.count)/\(actions.failed.count) actions pending/completed/failed",
            "\(packet.dependencies.count) dependencies",
        ].joined(separator: ", ")
    }
}
