import AsyncHTTPClient
import HandoffRailService
import Logging
import ServiceLifecycle

/// The webhook dispatcher as a `Service` of the server's `ServiceGroup`.
///
/// `run()` opens one `HTTPClient` for every delivery of the process, works the queue
/// (``WebhookDispatcher``) until graceful shutdown, lets the batch in flight finish and be
/// recorded, then shuts the client down. Put it before the HTTP application in the group:
/// groups shut down in reverse order, so the server drains first, then the dispatcher, then
/// what is listed before it (the store).
///
/// ```swift
/// let group = ServiceGroup(
///     services: [closeStore, WebhookDispatcherService(service: service, configuration: webhooks), application],
///     gracefulShutdownSignals: [.sigterm], logger: logger)
/// ```
public struct WebhookDispatcherService: Service, CustomStringConvertible {
    private let service: HandoffRailService
    private let configuration: WebhookDispatcherConfiguration
    private let logger: Logger

    /// A dispatcher over `service`'s store, clock and SSRF setting, woken by its commits.
    public init(service: HandoffRailService, configuration: WebhookDispatcherConfiguration, logger: Logger = Logger(label: "handoffrail.webhooks")) {
        self.service = service
        self.configuration = configuration
        self.logger = logger
    }

    public var description: String { "WebhookDispatcher" }

    public func run() async throws {
        let client = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: AsyncHTTPClientWebhookSender.clientConfiguration(configuration))
        let dispatcher = WebhookDispatcher(
            store: service.store, sender: AsyncHTTPClientWebhookSender(client: client),
            policy: WebhookTargetPolicy(allowPrivateTargets: service.configuration.allowPrivateWebhookTargets),
            configuration: configuration, clock: service.clock, metrics: service.metrics, logger: logger)
        let stop = StopSignal()
        logger.info("Webhook dispatcher started", metadata: ["retry_schedule": "\(configuration.retrySchedule)"])
        await withGracefulShutdownHandler {
            await dispatcher.run(until: stop, commitSignal: service.commitSignal)
        } onGracefulShutdown: {
            stop.stop()
        }
        try await client.shutdown()
        logger.info("Webhook dispatcher stopped")
    }
}
