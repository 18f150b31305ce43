import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail packets delete ID`: soft delete (the packet becomes `expired`).
struct PacketsDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a packet (it becomes expired).")

    @Argument(help: "The packet's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            try await context.client.deletePacket(packetId: id)
            let result: JSONValue = ["id": .string(id.lowercasedString), "status": "expired"]
            try context.output.emit(result, ids: [id]) { "Deleted packet \(id.lowercasedString) (now expired)" }
        }
    }
}
