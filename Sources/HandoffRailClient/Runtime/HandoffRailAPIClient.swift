import Foundation
import HandoffRailModels

/// The spec-generated HandoffRail client: one method pair per operation (see `Client.swift`
/// in `Generated/HandoffRailClient`), sending through any `HandoffRailTransport`.
///
/// ```swift
/// let api = HandoffRailAPIClient(transport: URLSessionTransport(baseURL: url, apiKey: key))
/// let packet = try await api.getPacket(packetId: id)
/// ```
public struct HandoffRailAPIClient: Sendable {
    /// Where requests go.
    public var transport: any HandoffRailTransport

    /// A client sending through `transport`.
    public init(transport: any HandoffRailTransport) {
        self.transport = transport
    }

    /// Sends a built request.
    public func send(_ request: ClientRequest) async throws -> TransportResponse {
        try await transport.send(request.request)
    }
}

/// A documented error response of an operation, with its decoded body.
///
/// `description` says which operation failed with which status and the server's message;
/// it never contains request headers, so an API key cannot leak through logs.
public struct HandoffRailAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The spec operation that failed.
    public var operationID: String
    /// The HTTP status.
    public var statusCode: Int
    /// The decoded error body.
    public var body: APIErrorBody

    /// An error of `operationID` with its decoded body.
    public init(operationID: String, statusCode: Int, body: APIErrorBody) {
        self.operationID = operationID
        self.statusCode = statusCode
        self.body = body
    }

    public var description: String {
        "\(operationID) failed with HTTP \(statusCode)"
    }
}
