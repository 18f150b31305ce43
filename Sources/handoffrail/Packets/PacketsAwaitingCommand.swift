import ArgumentParser
import Foundation

/// `handoffrail packets awaiting`: the HITL queue (packets awaiting a human), newest first.
struct PacketsAwaitingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "awaiting", abstract: "List packets awaiting a human answer.")

    @Option(help: "Packets per page, 1–200.")
    var limit: Int?

    @Option(help: "Packets to skip.")
    var offset: Int?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let page = try await context.client.listAwaitingPackets(limit: limit, offset: offset)
            try context.output.emit(page, ids: page.packets.map(\.id)) {
                PacketRendering.list(page.packets, output: context.output) + "\n\(page.packets.count) of \(page.total) packets"
            }
        }
    }
}
