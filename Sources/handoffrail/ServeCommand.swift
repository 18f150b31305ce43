import ArgumentParser
import Foundation
import HandoffRailModels
import HandoffRailServer
import HandoffRailService
import HandoffRailStorageSQLite
import Logging
import ServiceLifecycle

/// `handoffrail serve`: runs the HTTP server on an SQLite database.
///
/// Flags win over the environment (`HANDOFFRAIL_*`, `HR_*`; see `ServeConfiguration`); a bad
/// value stops with exit code 2 and a message naming the setting. On an empty database an
/// admin key is created: `HANDOFFRAIL_BOOTSTRAP_ADMIN_KEY`, or a generated one printed once.
/// SIGTERM/SIGINT drain the server, then the expiry sweeper and the webhook dispatcher (each
/// finishes its batch in flight), then close the database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HandoffRail server.",
        discussion: """
            Environment: HANDOFFRAIL_HOST, HANDOFFRAIL_PORT, HANDOFFRAIL_DATABASE, HANDOFFRAIL_LOG_LEVEL, \
            HANDOFFRAIL_BOOTSTRAP_ADMIN_KEY, HANDOFFRAIL_ALLOW_PRIVATE_WEBHOOKS=1, HR_RATE_LIMIT_PER_MINUTE, \
            HR_RATE_LIMIT_TIERS (JSON, per tenant and hour), HR_DISABLE_DAILY_LIMIT=1. Flags win over the environment.
            """)

    @Option(help: "Address to listen on (default 127.0.0.1; HANDOFFRAIL_HOST).")
    var host: String?

    @Option(help: "Port to listen on (default 8080; HANDOFFRAIL_PORT).")
    var port: String?

    @Option(help: "SQLite database: PATH or sqlite:PATH (default handoffrail.sqlite; HANDOFFRAIL_DATABASE).")
    var database: String?

    @Option(help: "trace, debug, info, notice, warning, error or critical (default info; HANDOFFRAIL_LOG_LEVEL).")
    var logLevel: String?

    func run() async throws {
        let configuration: ServeConfiguration
        do {
            configuration = try ServeConfiguration.resolve(
                flags: .init(host: host, port: port, database: database, logLevel: logLevel),
                environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("handoffrail serve: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let level = configuration.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        try await ServerRunner(configuration: configuration, logger: Logger(label: "handoffrail")).run()
    }
}
