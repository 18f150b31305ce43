import Foundation
import HandoffRailModels
import HandoffRailService
import HandoffRailStorage
import Hummingbird
import HummingbirdWebSocket
import Logging

/// The live-event part of the server: the in-process bus, the outbox fan-out that feeds it,
/// the connection registry and the `/events` + `/ws` routes (also under `/api/v1`).
///
/// Hand it to ``HandoffRailApplication/make(api:authenticator:configuration:rateLimiter:logger:events:)``:
/// the application then registers the routes, serves WebSocket upgrades and runs the fan-out
/// `Service` next to the HTTP server.
///
/// ```swift
/// let connections = EventConnectionRegistry()
/// let service = HandoffRailService(store: store, probes: .server(rateLimiter: limiter, eventConnections: connections))
/// let events = EventStreaming(service: service, store: store, connections: connections)
/// let app = HandoffRailApplication.make(api: service, authenticator: service, events: events)
/// ```
public struct EventStreaming: Sendable {
    /// Where subscribers are registered.
    public let bus: InProcessEventBus
    /// Open connections per tenant.
    public let connections: EventConnectionRegistry
    /// Intervals, buffer sizes, the replay window.
    public let configuration: EventStreamConfiguration
    let store: any PacketStore & EventOutboxStore
    let tierLimits: @Sendable (Tier) -> TierLimits
    let clock: ServiceClock
    let fanOut: OutboxEventFanOut

    /// Live events for `service`, reading the outbox of `store` (the service's store) and
    /// woken by `service.commitSignal`.
    public init(
        service: HandoffRailService,
        store: any PacketStore & EventOutboxStore,
        connections: EventConnectionRegistry = EventConnectionRegistry(),
        configuration: EventStreamConfiguration = EventStreamConfiguration(),
        logger: Logger = Logger(label: "handoffrail.events")
    ) {
        let bus = InProcessEventBus()
        self.bus = bus
        self.connections = connections
        self.configuration = configuration
        self.store = store
        self.tierLimits = { [serviceConfiguration = service.configuration] tier in serviceConfiguration.limits(for: tier) }
        self.clock = service.clock
        self.fanOut = OutboxEventFanOut(
            store: store, bus: bus, signal: service.commitSignal, pollInterval: configuration.pollInterval, logger: logger)
    }

    /// The fan-out as a `Service`, for the application's service group.
    public var fanOutService: EventFanOutService {
        EventFanOutService(fanOut: fanOut, bus: bus)
    }

    /// Registers `GET /events`, `GET /api/v1/events` (SSE) and the WebSocket upgrades at
    /// `/ws`, `/api/v1/ws`. The access gate has authenticated the caller by then.
    func register(on router: Router<HandoffRailRequestContext>) {
        let sse = ServerSentEventsEndpoint(streaming: self)
        let socket = EventSocketEndpoint(streaming: self)
        for prefix in ["", "/api/v1"] {
            router.get("\(prefix)/events") { request, context in try await sse.respond(to: request, context: context) }
            router.ws(
                "\(prefix)/ws",
                shouldUpgrade: { request, context in try socket.shouldUpgrade(request, context: context) },
                onUpgrade: { inbound, outbound, context in try await socket.serve(inbound, outbound, context: context) })
        }
    }

    /// The 429 for a tenant at its tier's connection limit.
    func connectionLimitProblem(_ caller: APICaller, limit: Int) -> APIProblem {
        APIProblem(
            status: .tooManyRequests,
            detail: "Too many live-event connections: the \(caller.tier.rawValue) tier allows \(limit) per tenant",
            code: "event_connection_limit",
            field: "event_connections")
    }

    /// The tier's connection limit for `caller` (nil: unlimited).
    func connectionLimit(for caller: APICaller) -> Int? {
        tierLimits(caller.tier).maxEventConnections
    }
}
