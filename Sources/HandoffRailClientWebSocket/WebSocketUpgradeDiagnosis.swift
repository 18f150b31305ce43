import Foundation
import HandoffRailClient
import HandoffRailModels

/// Why the server refused a WebSocket upgrade, learnt with a plain `GET` of the same path.
///
/// A refused upgrade reaches the client only as "upgrade failed": the server's WebSocket layer
/// answers every refusal with an empty 400 and HummingbirdWSClient does not surface the status
/// anyway. The same path without `Upgrade` runs the server's access checks and answers with
/// the real JSON error — 401 for an unknown key, 403 for a revoked one — or 426 when the key is
/// fine (the upgrade was then refused for another reason, typically the tenant's limit of
/// live-event connections, which frees up: retried).
struct WebSocketUpgradeDiagnosis: Sendable {
    /// The error to report.
    var error: HandoffRailError
    /// Whether retrying is pointless (the key is refused, the server has no WebSocket).
    var isFatal: Bool

    /// Asks the server at `path` through `client` (its retries, key header and user agent).
    static func diagnose(_ client: HandoffRailClient, path: String) async -> WebSocketUpgradeDiagnosis {
        let operationID = WebSocketSessionController.operationID
        let request = TransportRequest(method: "GET", path: path.hasPrefix("/") ? path : "/" + path, operationID: operationID)
        let response: TransportResponse
        do {
            response = try await client.api.transport.send(request)
        } catch {
            return WebSocketUpgradeDiagnosis(error: HandoffRailError.transport(error, operationID: operationID), isFatal: false)
        }
        let body = APIErrorBody(decoding: response.body, statusCode: response.statusCode)
        switch response.statusCode {
        case 426, 200..<300:
            let error = HandoffRailError(
                kind: .connection, statusCode: nil, operationID: operationID, requestID: response.headers["x-request-id"],
                reason: "the server refused the WebSocket upgrade although it accepts the key (most likely the tenant's limit of live-event connections)")
            return WebSocketUpgradeDiagnosis(error: error, isFatal: false)
        case 408, 429, 500...:
            return WebSocketUpgradeDiagnosis(error: HandoffRailError(operationID: operationID, response: response, body: body), isFatal: false)
        default:
            return WebSocketUpgradeDiagnosis(error: HandoffRailError(operationID: operationID, response: response, body: body), isFatal: true)
        }
    }
}
