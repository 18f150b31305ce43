import Foundation
import HandoffRailModels
import HandoffRailService
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging

/// `GET /ws`: decides the upgrade over HTTP (so refusals are ordinary JSON answers), then
/// serves the WebSocket.
///
/// Before the upgrade: the access gate has authenticated the `api_key`; a request that is not
/// a WebSocket upgrade is 426; an invalid `subscribe` channel 422; a tenant at its tier's
/// connection limit 429. After it: see ``EventSocketSession``.
struct EventSocketEndpoint: Sendable {
    let streaming: EventStreaming

    func shouldUpgrade(_ request: Request, context: HandoffRailRequestContext) throws -> RouterShouldUpgrade {
        let caller = try context.requireCaller()
        guard request.headers[.upgrade]?.lowercased() == "websocket" else {
            throw APIProblem(status: HTTPResponse.Status(code: 426, reasonPhrase: "Upgrade Required"), detail: "This endpoint speaks WebSocket: send an Upgrade: websocket request")
        }
        _ = try EventStreamParameters(request)
        let limit = streaming.connectionLimit(for: caller)
        guard streaming.connections.hasRoom(tenantID: caller.tenantID, limit: limit) else {
            throw streaming.connectionLimitProblem(caller, limit: limit ?? 0)
        }
        return .upgrade([:])
    }

    func serve(
        _ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter,
        context: WebSocketRouterContext<HandoffRailRequestContext>
    ) async throws {
        guard let caller = context.requestContext.caller else {
            try await outbound.close(.policyViolation, reason: "unauthenticated")
            return
        }
        let parameters = try EventStreamParameters(context.request)
        let session = EventSocketSession(streaming: streaming, caller: caller, filter: parameters.filter, logger: context.logger)
        let served: Void? = try await streaming.connections.withConnection(
            tenantID: caller.tenantID, transport: .webSocket, limit: streaming.connectionLimit(for: caller)
        ) {
            try await session.run(inbound, outbound)
        }
        if served == nil {
            // 1013 "try again later": another connection took the tenant's last slot.
            try await outbound.close(.unknown(1013), reason: "connection_limit")
        }
    }
}
