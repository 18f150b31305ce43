import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail hooks replay ID` / `--all`: send dead letters again.
struct HooksReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay one dead-lettered delivery, or all of them with --all (admin).")

    @Argument(help: "The dead-lettered delivery's id.", transform: ArgumentParsing.uuid)
    var id: UUID?

    @Flag(help: "Retry every dead letter of the tenant.")
    var all = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if (id == nil) == !all { throw ValidationError("give a delivery id or --all (not both)") }
    }

    func run() async throws {
        try await CLIContext.run(global) { context in
            if let id {
                let result = try await context.client.replayDeadLetter(deliveryId: id)
                try context.output.emit(result, ids: [result.deliveryId]) {
                    "Delivery \(result.deliveryId.lowercasedString) is \(result.status.rawValue) again"
                }
            } else {
                let result = try await context.client.retryAllDeadLetters()
                try context.output.emit(result, idTexts: []) { "Retrying \(result.retried) dead letters" }
            }
        }
    }
}
