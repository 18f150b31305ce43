import ArgumentParser
import Foundation
import HandoffRailClient

/// Everything a client command needs: resolved settings, the SDK client and the printer.
///
/// ``run(_:_:)`` is how every client command runs its body: it resolves the settings, builds
/// the client, and turns any error into one line on stderr and the documented exit code.
///
/// ```swift
/// func run() async throws {
///     try await CLIContext.run(global) { context in
///         let packet = try await context.client.getPacket(packetId: id)
///         try context.output.emit(packet, ids: [packet.id]) { PacketRendering.detail(packet, output: context.output) }
///     }
/// }
/// ```
struct CLIContext: Sendable {
    /// The settings after precedence.
    var settings: CLISettings
    /// Where results go.
    var output: OutputPrinter
    /// The SDK client for `settings.serverURL` with `settings.apiKey`.
    var client: HandoffRailClient

    /// Runs `body` with a context for `options`; failures become stderr lines and exit codes.
    static func run(_ options: GlobalOptions, _ body: (CLIContext) async throws -> Void) async throws {
        let environment = ProcessInfo.processInfo.environment
        let terminal = Terminal.current
        var output = OutputPrinter(format: options.format ?? .table, quiet: options.quiet, verbose: options.verbose, terminal: terminal)
        let settings: CLISettings
        do {
            settings = try CLISettings.resolve(options: options, environment: environment)
        } catch {
            output.report(error)
            throw error.status.exitCode
        }
        output.format = settings.format.value
        let client = HandoffRailClient(
            baseURL: settings.baseURL, apiKey: settings.apiKey.value,
            configuration: HandoffRailClientConfiguration(userAgent: "handoffrail-cli"))
        let context = CLIContext(settings: settings, output: output, client: client)
        do {
            try await body(context)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let failure = ErrorPresenter(serverURL: settings.serverURL.value).failure(for: error)
            output.report(failure)
            throw failure.status.exitCode
        }
    }
}
