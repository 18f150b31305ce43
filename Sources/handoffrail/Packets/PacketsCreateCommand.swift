import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail packets create`: one packet, from flags or a JSON/YAML document.
struct PacketsCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a packet from flags or from a JSON/YAML file (- for stdin).",
        discussion: """
            Examples:
              handoffrail packets create --from planner --to billing-01 --summary "Refund order 1042" --tag refunds
              handoffrail packets create --file packet.yaml
              cat packet.json | handoffrail packets create --file - --quiet    # prints the new id
            """)

    @OptionGroup var content: PacketContentOptions

    @Option(help: ArgumentHelp("Validate context.custom against this registered schema.", valueName: "schema-id"), transform: ArgumentParsing.uuid)
    var schemaID: UUID?

    @Option(help: ArgumentHelp("Create under this parent packet.", valueName: "packet-id"), transform: ArgumentParsing.uuid)
    var parent: UUID?

    @Option(help: ArgumentHelp("Sent as Idempotency-Key: a retry with the same key and packet creates nothing new.", valueName: "key"))
    var idempotencyKey: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let create = try content.createBody(schemaID: schemaID, parent: parent)
            let packet = try await context.client.createPacket(create, idempotencyKey: idempotencyKey)
            try context.output.emit(packet, ids: [packet.id]) { PacketRendering.detail(packet, output: context.output) }
        }
    }
}
