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

    /// The query as sent on the wire (`status=created%2Cclaimed&limit=10`), names and values
    /// percent-encoded for form decoding; `nil` without query items.
    public var encodedQuery: String? {
        guard !query.isEmpty else { return nil }
        return query.map { item in
            QueryEncoding.encode(item.name) + (item.value.map { "=" + QueryEncoding.encode($0) } ?? "")
        }.joined(separator: "&")
    }

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
    /// The spec operation that was answered, when the sender recorded it (errors name it).
    public var operationID: String?

    /// A response; header names are lowercased so lookups need not guess their case.
    public init(statusCode: Int, headers: [String: String] = [:], body: Data = Data(), operationID: String? = nil) {
        self.statusCode = statusCode
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.body = body
        self.operationID = operationID
    }

    /// Decodes the JSON body (enums tolerant: unknown values are kept; `2.0` stays a double).
    ///
    /// A body that does not decode throws a ``HandoffRailError``: of the status's kind for
    /// error statuses (a proxy's HTML 502 is still `.server`), `.invalidResponse` otherwise.
    public func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try HandoffRailJSON.decode(T.self, from: body)
        } catch {
            throw HandoffRailError(
                kind: statusCode >= 400 ? (HandoffRailError.Kind(statusCode: statusCode) ?? .invalidResponse) : .invalidResponse,
                statusCode: statusCode, operationID: operationID, body: .undocumented(body), retryAfter: retryAfter,
                requestID: headers["x-request-id"], reason: "the body is not a valid \(T.self)")
        }
    }

    /// `Retry-After` in seconds (the delta-seconds form the server sends), if present.
    public var retryAfter: TimeInterval? {
        guard let value = headers["retry-after"]?.trimmingCharacters(in: .whitespaces),
              let seconds = TimeInterval(value), seconds >= 0 else { return nil }
        return seconds
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

/// Percent-encoding of query names and values for form decoding: `+`, `&`, `=` and `;` are
/// escaped too, since servers decode `+` as a space (`URLComponents` leaves it as is).
enum QueryEncoding {
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    private static let allowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.remove(charactersIn: "+&=;")
        return set
    }()
}
