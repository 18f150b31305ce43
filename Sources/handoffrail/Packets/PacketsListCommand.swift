import ArgumentParser
import Foundation
import HandoffRailClient
import HandoffRailModels

/// `handoffrail packets list`: the tenant's packets, newest first, with the server's filters.
///
/// One page by default (`--limit`, `--cursor`); `--all` follows `next_cursor` to the end.
/// JSON output is the server's page (`packets`, `total`, `next_cursor`, …), or with `--all`
/// an array of every packet.
struct PacketsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List packets, newest first.",
        discussion: """
            Examples:
              handoffrail packets list --status created --status claimed --to billing-01
              handoffrail packets list --all --format json | jq length
            """)

    @Option(name: .customLong("status"), help: ArgumentHelp("Only this status (repeatable: any of them).", valueName: "status"),
            transform: { try ArgumentParsing.knownCase($0, as: PacketStatus.self) })
    var statuses: [PacketStatus] = []

    @Option(help: ArgumentHelp("Only packets from this source agent id.", valueName: "agent-id"))
    var from: String?

    @Option(help: ArgumentHelp("Only packets for this target agent id.", valueName: "agent-id"))
    var to: String?

    @Option(name: .customLong("tag"), help: ArgumentHelp("Only packets with this tag (repeatable: all of them).", valueName: "tag"))
    var tags: [String] = []

    @Option(help: ArgumentHelp("low, normal, high or critical.", valueName: "priority"), transform: { try ArgumentParsing.knownCase($0, as: Priority.self) })
    var priority: Priority?

    @Option(name: .customLong("hitl"), help: ArgumentHelp("Only packets with (true) or without (false) a HITL checkpoint.", valueName: "bool"))
    var hitlRequired: Bool?

    @Option(help: ArgumentHelp("Created at or after (2026-11-22 or RFC 3339).", valueName: "date"), transform: ArgumentParsing.date)
    var createdAfter: Date?

    @Option(help: ArgumentHelp("Created before (2026-11-22 or RFC 3339).", valueName: "date"), transform: ArgumentParsing.date)
    var createdBefore: Date?

    @Option(help: "Packets per page, 1–200 (server default 50).")
    var limit: Int?

    @Option(help: ArgumentHelp("Continue from a page's next_cursor.", valueName: "cursor"))
    var cursor: String?

    @Flag(help: "Follow next_cursor through every page (--limit sets the page size).")
    var all = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let limit, !(1...200).contains(limit) { throw ValidationError("--limit must be between 1 and 200") }
        if all && cursor != nil { throw ValidationError("--all starts at the newest packet; it cannot be combined with --cursor") }
    }

    func run() async throws {
        try await CLIContext.run(global) { context in
            guard all else {
                let page = try await context.client.listPackets(
                    status: statuses.isEmpty ? nil : statuses.map(\.rawValue).joined(separator: ","),
                    sourceAgent: from, targetAgent: to, tags: tags.isEmpty ? nil : tags.joined(separator: ","),
                    priority: priority, hitlRequired: hitlRequired, createdAfter: createdAfter, createdBefore: createdBefore,
                    limit: limit, cursor: cursor)
                try context.output.emit(page, ids: page.packets.map(\.id)) {
                    PacketRendering.list(page.packets, output: context.output) + footer(page)
                }
                return
            }
            let query = PacketQuery(
                status: statuses, sourceAgent: from, targetAgent: to, tags: tags, priority: priority, hitlRequired: hitlRequired,
                createdAfter: createdAfter, createdBefore: createdBefore, pageSize: limit ?? 200)
            var packets: [Packet] = []
            for try await packet in context.client.packets(query) { packets.append(packet) }
            try context.output.emit(packets, ids: packets.map(\.id)) {
                PacketRendering.list(packets, output: context.output) + "\n\(packets.count) packets"
            }
        }
    }

    private func footer(_ page: PacketList) -> String {
        var text = "\n\(page.packets.count) of \(page.total) packets"
        if let next = page.nextCursor { text += "; next page: --cursor \(next)" }
        return text
    }
}
