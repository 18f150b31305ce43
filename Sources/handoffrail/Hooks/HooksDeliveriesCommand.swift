import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail hooks deliveries ID`: a webhook's delivery attempts, newest first.
struct HooksDeliveriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deliveries", abstract: "List a webhook's deliveries.")

    @Argument(help: "The webhook's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    @Option(help: ArgumentHelp("pending, delivered, failed or dead_letter.", valueName: "status"),
            transform: { try ArgumentParsing.knownCase($0, as: DeliveryStatus.self) })
    var status: DeliveryStatus?

    @Option(help: "Deliveries per page.")
    var limit: Int?

    @Option(help: "Deliveries to skip.")
    var offset: Int?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let deliveries = try await context.client.listHookDeliveries(hookId: id, status: status, limit: limit, offset: offset)
            try context.output.emit(deliveries, ids: deliveries.map(\.id)) { HookRendering.deliveries(deliveries, output: context.output) }
        }
    }
}
