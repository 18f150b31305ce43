import Foundation
import HandoffRailModels

/// An HTTP request as the client sends it, independent of the HTTP library.
public struct TransportRequest: Sendable, Hashable {
    /// `GET`, `POST`, …
    public var method: String
    /// The path with parameters filled in, percent-encoded (`/api/v1/packets/5f0c…/claim`).
    public var path: String
    /// Query items in order; a name may repeat.
    public var query: [URLQueryItem]
    /// Header fields; names as the spec writes them.
    public var headers: [String: String]
    /// The encoded body, if any.
    public var body: Data?
    /// The spec operation this request performs.
    public var operationID: String

    /// A request for `operationID`.
    public init(method: String, path: String, query: [URLQueryItem] = [], headers: [String: String] = [:], body: Data? = nil, operationID: String) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.operationID = operationID
    }
}

/// An HTTP response as the client receives it.
public struct TransportResponse: Sendable, Hashable {
    /// The HTTP status.
    public var statusCode: Int
    /// Header fields with lowercased names.
    public var headers: [String: String]
    /// The raw body.
    public var body: Data

    /// A response; header names are lowercased so lookups need not guess their case.
    public init(statusCode: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.body = body
    }

    /// Decodes the JSON body (enums tolerant: unknown values are kept; `2.0` stays a double).
    public func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        try HandoffRailJSON.decode(T.self, from: body)
    }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Sends requests somewhere: over the network (`URLSessionTransport`), or straight into a
/// server router in the same process (tests, adapters).
public protocol HandoffRailTransport: Sendable {
    /// Sends `request`; throws only when no HTTP response was received.
    func send(_ request: TransportRequest) async throws -> TransportResponse
}
