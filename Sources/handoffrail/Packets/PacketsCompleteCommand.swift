import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail packets complete ID`: mark a packet completed (sets `completed_at`).
struct PacketsCompleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "complete", abstract: "Mark a packet completed.")

    @Argument(help: "The packet's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let packet = try await context.client.complete(id)
            try context.output.emit(packet, ids: [packet.id]) { PacketRendering.detail(packet, output: context.output) }
        }
    }
}
