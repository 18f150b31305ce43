import ArgumentParser
import Foundation

/// `handoffrail keys rotate ID`: a new key replaces the old one, which is revoked.
struct KeysRotateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Replace an API key with a new one (printed once) and revoke the old one.")

    @Argument(help: "The key's id (from keys list).", transform: ArgumentParsing.uuid)
    var id: UUID

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let key = try await context.client.rotateApiKey(keyId: id)
            try KeyRendering.emitCreated(key, output: context.output)
        }
    }
}
