import Foundation
import HandoffRailModels
import HandoffRailServer
import HandoffRailService
import HandoffRailStorageSQLite
import Logging
import ServiceLifecycle

/// Opens the database, builds the service and the HTTP application, bootstraps the admin key
/// and runs everything in one `ServiceGroup` until SIGTERM/SIGINT.
struct ServerRunner {
    let configuration: ServeConfiguration
    let logger: Logger

    func run() async throws {
        let path: String
        switch configuration.database {
        case .sqlite(let sqlitePath): path = sqlitePath
        }
        MallocTuning.apply()
        let store = try SQLiteStore(path: path)
        // The validator compiles lazily; compile it now so the first request does not pay.
        _ = SpecSchemas.validator

        let limiter = SlidingWindowRateLimiter()
        let eventConnections = EventConnectionRegistry()
        let probes = SystemProbes.server(rateLimiter: limiter, eventConnections: eventConnections)
        let service = HandoffRailService(
            store: store, configuration: configuration.service, probes: probes,
            logger: Logger(label: "handoffrail.service"))

        switch try await service.bootstrap(adminKey: configuration.bootstrapAdminKey) {
        case .alreadyInitialised:
            break
        case .createdWithConfiguredKey:
            logger.notice("Created the operator tenant and the admin key from HANDOFFRAIL_BOOTSTRAP_ADMIN_KEY")
        case .createdWithGeneratedKey(let key):
            // Unbuffered, so the key reaches a redirected stdout at once.
            FileHandle.standardOutput.write(Data(
                """
                Created the operator tenant "\(configuration.service.operatorTenantID)" and an admin API key.
                It is shown only this once; store it now:

                    \(key)


                """.utf8))
        }

        let events = EventStreaming(
            service: service, store: store, connections: eventConnections, configuration: configuration.events)
        let application = HandoffRailApplication.make(
            api: service, authenticator: service, configuration: configuration.server,
            rateLimiter: limiter, logger: Logger(label: "handoffrail.server"), events: events)
        // Shut down in reverse order: the HTTP server drains first, then the sweeper and the
        // webhook dispatcher finish their batch in flight, and the store closes last.
        let webhooks = WebhookDispatcherService(
            service: service, configuration: configuration.webhooks, logger: Logger(label: "handoffrail.webhooks"))
        let sweeper = ExpirySweeperService(
            service: service, configuration: configuration.sweeper, logger: Logger(label: "handoffrail.sweeper"))
        let group = ServiceGroup(
            services: [ShutdownActionService(name: "sqlite") { try store.close() }, webhooks, sweeper, application],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        logger.info(
            "Starting HandoffRail",
            metadata: ["host": .string(configuration.host), "port": .stringConvertible(configuration.port), "database": .string(path)])
        try await group.run()
    }
}
