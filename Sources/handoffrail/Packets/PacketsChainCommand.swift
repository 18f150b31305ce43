import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail packets chain PARENT`: a child packet continuing the parent's conversation
/// (the server prepends the parent's conversation state).
struct PacketsChainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain",
        abstract: "Create a child packet of PARENT, from flags or a JSON/YAML file.")

    @Argument(help: "The parent packet's id.", transform: ArgumentParsing.uuid)
    var parent: UUID

    @OptionGroup var content: PacketContentOptions

    @Option(help: ArgumentHelp("Sent as Idempotency-Key: a retry with the same key creates nothing new.", valueName: "key"))
    var idempotencyKey: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let request = try content.chainBody()
            let packet = try await context.client.chain(from: parent, request, idempotencyKey: idempotencyKey)
            try context.output.emit(packet, ids: [packet.id]) { PacketRendering.detail(packet, output: context.output) }
        }
    }
}
