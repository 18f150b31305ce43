import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail hooks add --url … --event …`: register a webhook.
///
/// Without `--secret` a random 32-byte secret is generated and printed once (on stderr in
/// table mode, in the JSON otherwise): the server never shows it again, and receivers need
/// it to check `X-HR-Signature`.
struct HooksAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register a webhook (a signing secret is generated unless --secret is given).")

    @Option(help: "The receiver's http(s) URL.")
    var url: String

    @Option(name: .customLong("event"), help: ArgumentHelp(
        "An event type to deliver (repeatable; default packet.created, packet.claimed, packet.completed, packet.failed).", valueName: "type"),
            transform: { try ArgumentParsing.knownCase($0, as: WebhookEventType.self) })
    var events: [WebhookEventType] = []

    @Option(help: ArgumentHelp("The HMAC signing secret, 16–256 characters.", valueName: "secret"))
    var secret: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let secret, !(16...256).contains(secret.count) { throw ValidationError("--secret must be 16 to 256 characters") }
    }

    func run() async throws {
        try await CLIContext.run(global) { context in
            let signingSecret = secret ?? Self.generateSecret()
            var create = WebhookCreate(url: url, secret: signingSecret)
            if !events.isEmpty { create.events = events }
            let hook = try await context.client.createHook(create)
            if secret == nil, context.output.format == .json, !context.output.quiet {
                var json = try JSONValueEncoder().encode(hook)
                if case .object(var members) = json { members["secret"] = .string(signingSecret); json = .object(members) }
                context.output.write(PrettyJSON.render(json))
                return
            }
            try context.output.emit(hook, ids: [hook.id]) { HookRendering.hooks([hook], output: context.output) }
            if secret == nil && !context.output.quiet {
                FileHandle.standardError.write(Data("Signing secret (shown once): \(signingSecret)\n".utf8))
            }
        }
    }

    /// 32 random bytes as 64 hex digits.
    static func generateSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }
}
