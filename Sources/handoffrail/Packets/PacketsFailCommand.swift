import ArgumentParser
import Foundation
import HandoffRailClient
import HandoffRailModels

/// `handoffrail packets fail ID --reason …`: mark a packet failed; the reason is recorded on
/// the packet as the decision `handoffrail.failure`, where the next agent (or a human) reads it.
struct PacketsFailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fail",
        abstract: "Mark a packet failed, recording the reason on it.")

    @Argument(help: "The packet's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    @Option(help: "Why the work failed.")
    var reason: String

    @Option(name: .customLong("by"), help: ArgumentHelp("Who decided it failed (an agent id).", valueName: "agent-id"))
    var decidedBy: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let packet = try await context.client.fail(id, reason: reason, decidedBy: decidedBy)
            try context.output.emit(packet, ids: [packet.id]) { PacketRendering.detail(packet, output: context.output) }
        }
    }
}
