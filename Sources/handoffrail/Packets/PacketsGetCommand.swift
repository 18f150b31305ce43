import ArgumentParser
import Foundation

/// `handoffrail packets get ID`: one packet.
struct PacketsGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show one packet.")

    @Argument(help: "The packet's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let packet = try await context.client.getPacket(packetId: id)
            try context.output.emit(packet, ids: [packet.id]) { PacketRendering.detail(packet, output: context.output) }
        }
    }
}
