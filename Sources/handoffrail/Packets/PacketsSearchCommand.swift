import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail packets search QUERY`: full-text search over summaries and context, ranked.
struct PacketsSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Search packets by text (at least 2 characters).")

    @Argument(help: "Words to look for (stemmed: refund finds refunds).")
    var query: String

    @Option(name: .customLong("status"), help: ArgumentHelp("Only this status (repeatable: any of them).", valueName: "status"),
            transform: { try ArgumentParsing.knownCase($0, as: PacketStatus.self) })
    var statuses: [PacketStatus] = []

    @Option(help: ArgumentHelp("low, normal, high or critical.", valueName: "priority"), transform: { try ArgumentParsing.knownCase($0, as: Priority.self) })
    var priority: Priority?

    @Option(help: "Results per page, 1–200.")
    var limit: Int?

    @Option(help: "Results to skip.")
    var offset: Int?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if query.count < 2 { throw ValidationError("the query needs at least 2 characters") }
    }

    func run() async throws {
        try await CLIContext.run(global) { context in
            let page = try await context.client.searchPackets(
                q: query, status: statuses.isEmpty ? nil : statuses.map(\.rawValue).joined(separator: ","), priority: priority, limit: limit, offset: offset)
            try context.output.emit(page, ids: page.packets.map(\.id)) {
                PacketRendering.list(page.packets, output: context.output) + "\n\(page.packets.count) of \(page.total) packets"
            }
        }
    }
}
