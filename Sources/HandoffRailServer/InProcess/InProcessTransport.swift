import Foundation
import HandoffRailClient
import HandoffRailModels
import HandoffRailService
import HTTPTypes
import Hummingbird
import Logging
import NIOEmbedded

/// A `HandoffRailTransport` that hands each request straight to the server's Hummingbird
/// responder in the same process — the whole middleware chain (request id, errors, access
/// gate with authentication, roles, rate limits and body size) and the generated routes,
/// without sockets.
///
/// Why: tests and adapters (an agent framework embedding the server) get the exact server
/// behaviour at function-call cost. Responses are collected whole, so streaming endpoints
/// (`/events`) are not for this transport; the application's background services (sweeper,
/// webhook dispatcher) are not run by it either.
///
/// ```swift
/// let router = HandoffRailApplication.makeRouter(api: service, authenticator: service,
///                                                configuration: .init(), rateLimiter: SlidingWindowRateLimiter())
/// let client = HandoffRailClient(transport: InProcessTransport(router: router), apiKey: adminKey)
/// let packet = try await client.createPacket(draft)
/// ```
public struct InProcessTransport: HandoffRailTransport {
    private let respond: @Sendable (Request, HandoffRailRequestContext) async throws -> Response
    private let logger: Logger

    /// A transport into `responder` (for example `try await application.responder`).
    public init<Responder: HTTPResponder>(responder: Responder, logger: Logger = Logger(label: "handoffrail.in-process"))
    where Responder.Context == HandoffRailRequestContext {
        self.respond = { request, context in try await responder.respond(to: request, context: context) }
        self.logger = logger
    }

    /// A transport into `router` (as built by `HandoffRailApplication.makeRouter(…)`).
    public init(router: Router<HandoffRailRequestContext>, logger: Logger = Logger(label: "handoffrail.in-process")) {
        self.init(responder: router.buildResponder(), logger: logger)
    }

    /// A transport into the responder of `application` (as built by `HandoffRailApplication.make(…)`).
    public init<App: ApplicationProtocol>(application: App) async throws where App.Responder.Context == HandoffRailRequestContext {
        self.init(responder: try await application.responder, logger: application.logger)
    }

    /// Runs `transportRequest` through the responder and returns the whole response, as a
    /// socket client would have received it.
    public func send(_ transportRequest: TransportRequest) async throws -> TransportResponse {
        let request = try Self.makeRequest(transportRequest)
        let context = HandoffRailRequestContext(source: ApplicationRequestContextSource(channel: NIOAsyncTestingChannel(), logger: logger))
        let response: Response
        do {
            response = try await respond(request, context)
        } catch {
            // The middleware answers every error in the protocol's shape; whatever still
            // escapes is a 500, as Hummingbird's HTTP server answers it.
            response = Response(status: .internalServerError)
        }
        let collector = ResponseBodyCollector()
        try await response.body.write(collector)
        var headers: [String: String] = [:]
        for field in response.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { "\($0), \(field.value)" } ?? field.value
        }
        return TransportResponse(statusCode: response.status.code, headers: headers, body: collector.data)
    }

    /// The Hummingbird request for `request`: path and percent-encoded query as a URL
    /// client would send them, a `Content-Length` for bodies, and the body in one buffer.
    static func makeRequest(_ request: TransportRequest) throws -> Request {
        let path = request.encodedQuery.map { "\(request.path)?\($0)" } ?? request.path
        var fields = HTTPFields()
        for (name, value) in request.headers {
            guard let fieldName = HTTPField.Name(name) else { throw HandoffRailError(kind: .connection, operationID: request.operationID, reason: "invalid header name \(name)") }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        if let body = request.body { fields[.contentLength] = String(body.count) }
        let head = HTTPRequest(method: HTTPRequest.Method(request.method) ?? .get, scheme: "http", authority: "localhost", path: path, headerFields: fields)
        let body = request.body.map { RequestBody(buffer: ByteBuffer(bytes: $0)) } ?? RequestBody(buffer: ByteBuffer())
        return Request(head: head, body: body)
    }
}
