import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail audit`: the tenant's audit trail, newest first.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit trail, newest first.",
        discussion: "Example: handoffrail audit --packet-id 5f0c… --action claimed")

    @Option(help: ArgumentHelp("Only entries by this actor (agent:ID, key:PREFIX, …).", valueName: "actor"))
    var actor: String?

    @Option(help: ArgumentHelp("Only this action (created, claimed, …).", valueName: "action"))
    var action: String?

    @Option(help: ArgumentHelp("Only entries about this packet.", valueName: "packet-id"), transform: ArgumentParsing.uuid)
    var packetID: UUID?

    @Option(help: ArgumentHelp("At or after (2026-11-22 or RFC 3339).", valueName: "date"), transform: ArgumentParsing.date)
    var createdAfter: Date?

    @Option(help: ArgumentHelp("Before (2026-11-22 or RFC 3339).", valueName: "date"), transform: ArgumentParsing.date)
    var createdBefore: Date?

    @Option(help: "Entries per page.")
    var limit: Int?

    @Option(help: "Entries to skip.")
    var offset: Int?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let page = try await context.client.listAuditEntries(
                actor: actor, action: action, packetId: packetID, createdAfter: createdAfter, createdBefore: createdBefore,
                limit: limit, offset: offset)
            try context.output.emit(page, ids: page.entries.map(\.id)) {
                var table = Table(columns: ["TIME", "ACTION", "ACTOR", "PACKET", "DETAILS"])
                for entry in page.entries {
                    table.append(cells: [
                        Table.Cell(CellText.date(entry.timestamp)), PacketRendering.statusCell(entry.action),
                        Table.Cell(entry.actor), Table.Cell(entry.packetId.lowercasedString),
                        Table.Cell(CellText.json(.object(entry.details))),
                    ])
                }
                return context.output.render(table) + "\n\(page.entries.count) of \(page.total) entries"
            }
        }
    }
}
