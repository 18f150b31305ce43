import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail packets update ID`: a partial update (PATCH): a new status, and/or a JSON/YAML
/// document with `context`, `decisions`, `actions`, `dependencies`, `hitl`.
///
/// Decisions merge by id; an action section that is sent replaces that section.
struct PacketsUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Update a packet: --status and/or a JSON/YAML patch document.",
        discussion: """
            Examples:
              handoffrail packets update 5f0c… --status in_progress
              handoffrail packets update 5f0c… --file patch.json
            """)

    @Argument(help: "The packet's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    @Option(help: ArgumentHelp("The new status (transitions the server allows).", valueName: "status"), transform: { try ArgumentParsing.knownCase($0, as: PacketStatus.self) })
    var status: PacketStatus?

    @Option(name: .shortAndLong, help: ArgumentHelp("A JSON or YAML patch document; - reads stdin.", valueName: "path"))
    var file: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if status == nil && file == nil { throw ValidationError("give --status, --file or both") }
    }

    func run() async throws {
        try await CLIContext.run(global) { context in
            var document = try file.map { path throws(CLIFailure) in try DocumentReader.readObject(path) } ?? [:]
            if let status { document["status"] = .string(status.rawValue) }
            let update = try PacketDocument.decode(document, as: PacketUpdate.self, operationID: "updatePacket")
            let packet = try await context.client.updatePacket(packetId: id, body: update)
            try context.output.emit(packet, ids: [packet.id]) { PacketRendering.detail(packet, output: context.output) }
        }
    }
}
