import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail packets respond ID --response … --by …`: a human's answer to a HITL checkpoint.
struct PacketsRespondCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respond",
        abstract: "Answer a packet that awaits a human (it moves to claimed).")

    @Argument(help: "The packet's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    @Option(help: "The answer, e.g. one of the checkpoint's options.")
    var response: String

    @Option(name: .customLong("by"), help: ArgumentHelp("Who answers.", valueName: "name"))
    var respondedBy: String

    @Option(help: "Notes for the agent.")
    var notes: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let packet = try await context.client.respond(id, response: response, respondedBy: respondedBy, notes: notes)
            try context.output.emit(packet, ids: [packet.id]) { PacketRendering.detail(packet, output: context.output) }
        }
    }
}
