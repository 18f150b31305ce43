import HandoffRailModels
import HandoffRailService
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging

/// Assembles the HTTP server: the middleware chain in front of the generated routes of a
/// `HandoffRailAPI` implementation.
///
/// Middleware, outermost first: CORS (answers preflights), exposed CORS headers, request id +
/// log line, request metrics, error → protocol-shaped response (``ProblemMiddleware``), then
/// the access gate (authentication, role, rate limits, body size). Every error leaves as
/// `{"detail": …}` JSON, Hummingbird's own 404 included.
///
/// ```swift
/// let app = HandoffRailApplication.make(api: service, authenticator: service, configuration: .init(port: 0))
/// try await app.test(.router) { client in … }
/// ```
public enum HandoffRailApplication {
    /// Headers a browser may send cross-origin.
    static let corsAllowedHeaders: [HTTPField.Name] = [.apiKey, .idempotencyKey, .contentType, .lastEventID, .requestID]
    /// Headers a browser may read cross-origin.
    static let corsExposedHeaders = [
        "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Tier", "Retry-After", "X-Request-ID",
    ]

    /// The router with the middleware chain and the generated routes. Hand-written routes
    /// (SSE, WebSocket) added to it afterwards get the same middleware.
    public static func makeRouter<API: HandoffRailAPI>(
        api: API,
        authenticator: any APIKeyAuthenticator,
        configuration: HandoffRailServerConfiguration,
        rateLimiter: any RateLimiter,
        events: EventStreaming? = nil
    ) -> Router<HandoffRailRequestContext> {
        let router = Router(context: HandoffRailRequestContext.self)
        router.add(
            middleware: CORSMiddleware(
                allowOrigin: .all,
                allowHeaders: corsAllowedHeaders,
                allowMethods: [.get, .post, .patch, .put, .delete, .options],
                exposedHeaders: corsExposedHeaders,
                maxAge: .seconds(600)))
        router.add(middleware: CORSExposeHeadersMiddleware(exposedHeaders: corsExposedHeaders.joined(separator: ", ")))
        router.add(middleware: RequestIDMiddleware(requestLogLevel: configuration.requestLogLevel))
        router.add(middleware: RequestMetricsMiddleware())
        router.add(middleware: ProblemMiddleware())
        router.add(
            middleware: AccessGateMiddleware(
                authenticator: authenticator,
                limiter: rateLimiter,
                tierLimits: { [configuration] tier in configuration.limits(for: tier) },
                matcher: OperationMatcher(),
                exemptPaths: configuration.exemptPaths))
        GeneratedRoutes<API, HandoffRailRequestContext>(api: api).register(on: router)
        events?.register(on: router)
        return router
    }

    /// The application: ``makeRouter(api:authenticator:configuration:rateLimiter:events:)`` bound to
    /// `configuration.host`/`port`. It is a `Service`: run it in a `ServiceGroup`, or test it
    /// with HummingbirdTesting (`.router`, `.live`). With `events`, it also serves `/events`
    /// and `/ws` (WebSocket upgrades on the same port) and runs the event fan-out.
    public static func make<API: HandoffRailAPI>(
        api: API,
        authenticator: any APIKeyAuthenticator,
        configuration: HandoffRailServerConfiguration = HandoffRailServerConfiguration(),
        rateLimiter: any RateLimiter = SlidingWindowRateLimiter(),
        logger: Logger = Logger(label: "handoffrail.server"),
        events: EventStreaming? = nil
    ) -> Application<RouterResponder<HandoffRailRequestContext>> {
        HandoffRailMetrics.bootstrap()
        let router = makeRouter(
            api: api, authenticator: authenticator, configuration: configuration, rateLimiter: rateLimiter, events: events)
        let applicationConfiguration = ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: configuration.serverName)
        guard let events else {
            return Application(router: router, configuration: applicationConfiguration, logger: logger)
        }
        // With live events the same router also decides WebSocket upgrades (`/ws`), so an
        // upgrade passes the whole middleware chain first; the fan-out runs beside the server.
        let webSocket = WebSocketServerConfiguration(
            maxFrameSize: max(events.configuration.maxInboundMessageBytes, 1 << 14),
            autoPing: .enabled(timePeriod: events.configuration.webSocketPingInterval))
        return Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: router, configuration: .init(ws: webSocket)),
            configuration: applicationConfiguration,
            services: [events.fanOutService],
            logger: logger)
    }
}
