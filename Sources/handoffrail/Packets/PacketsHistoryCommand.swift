import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail packets history ID`: the packet's events, oldest first.
struct PacketsHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Show a packet's history, oldest first.")

    @Argument(help: "The packet's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let history = try await context.client.getPacketHistory(packetId: id)
            try context.output.emit(history, ids: history.events.map(\.id)) {
                var table = Table(columns: ["TIME", "EVENT", "ACTOR", "DETAILS"])
                for event in history.events {
                    table.append(cells: [
                        Table.Cell(CellText.date(event.timestamp)),
                        PacketRendering.statusCell(event.eventType),
                        Table.Cell(event.actor),
                        Table.Cell(event.details.map { CellText.json(.object($0)) } ?? ""),
                    ])
                }
                return context.output.render(table)
            }
        }
    }
}
