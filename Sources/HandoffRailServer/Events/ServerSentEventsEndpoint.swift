import Foundation
import HandoffRailModels
import HandoffRailService
import HTTPTypes
import Hummingbird

/// `GET /events`: checks the request, then answers `200 text/event-stream` whose body is a
/// ``ServerSentEventSession``.
///
/// Refusals happen before the stream starts, as JSON in the protocol's shape: an invalid
/// channel is 422; a tenant at its tier's connection limit is 429. (401/403/rate limits come
/// from the access gate in front.)
struct ServerSentEventsEndpoint: Sendable {
    let streaming: EventStreaming

    func respond(to request: Request, context: HandoffRailRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let parameters = try EventStreamParameters(request)
        let limit = streaming.connectionLimit(for: caller)
        guard streaming.connections.hasRoom(tenantID: caller.tenantID, limit: limit) else {
            throw streaming.connectionLimitProblem(caller, limit: limit ?? 0)
        }
        let session = ServerSentEventSession(streaming: streaming, caller: caller, parameters: parameters, logger: context.logger)
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await session.run(writer: &writer)
        })
    }
}
