import Foundation
import HandoffRailModels

/// The spec-generated HandoffRail client: one method pair per operation (see `Client.swift`
/// in `Generated/HandoffRailClient`), sending each request once through any `HandoffRailTransport`.
///
/// ```swift
/// let api = HandoffRailAPIClient(transport: URLSessionTransport(baseURL: url, apiKey: key))
/// let packet = try await api.getPacket(packetId: id)
/// ```
public struct HandoffRailAPIClient: HandoffRailOperations {
    /// Where requests go.
    public var transport: any HandoffRailTransport

    /// A client sending through `transport`.
    public init(transport: any HandoffRailTransport) {
        self.transport = transport
    }

    /// Sends a built request once (no retries; see ``HandoffRailClient`` for those).
    public func send(_ request: ClientRequest) async throws -> TransportResponse {
        let operationID = request.request.operationID
        do {
            var response = try await transport.send(request.request)
            response.operationID = operationID
            return response
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw HandoffRailError.transport(error, operationID: operationID)
        }
    }
}
