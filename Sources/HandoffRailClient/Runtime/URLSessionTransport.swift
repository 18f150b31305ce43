import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends requests with `URLSession` (FoundationNetworking on Linux), adding the API key.
///
/// ```swift
/// let transport = URLSessionTransport(baseURL: URL(string: "http://127.0.0.1:8080")!, apiKey: key)
/// ```
public struct URLSessionTransport: HandoffRailTransport {
    /// The server's root; operation paths (`/api/v1/…`) are appended to it.
    public var baseURL: URL
    /// Sent as `X-API-Key`; never logged or printed.
    private var apiKey: String?
    private var session: URLSession
    /// Seconds before a request times out.
    public var timeout: TimeInterval

    /// A transport to `baseURL`, authenticating with `apiKey` when given.
    public init(baseURL: URL, apiKey: String?, session: URLSession = .shared, timeout: TimeInterval = 30) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.session = session
        self.timeout = timeout
    }

    /// Sends `request` to `baseURL` + its path and query; throws `URLError` when no answer arrives.
    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else {
            throw URLError(.badURL)
        }
        let basePath = components.percentEncodedPath.hasSuffix("/") ? String(components.percentEncodedPath.dropLast()) : components.percentEncodedPath
        components.percentEncodedPath = basePath + request.path
        components.percentEncodedQuery = request.encodedQuery
        guard let url = components.url else { throw URLError(.badURL) }
        var urlRequest = URLRequest(url: url, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        if let apiKey { urlRequest.setValue(apiKey, forHTTPHeaderField: "X-API-Key") }
        let (data, response) = try await session.data(for: urlRequest)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return TransportResponse(statusCode: http.statusCode, headers: headers, body: data)
    }

    /// Percent-encodes a query name or value for form decoding (see `TransportRequest.encodedQuery`).
    static func encodeQueryComponent(_ text: String) -> String {
        QueryEncoding.encode(text)
    }
}

extension URLSessionTransport: CustomReflectable {
    /// Mirrors without the API key, so dumping a transport never prints it.
    public var customMirror: Mirror {
        Mirror(self, children: ["baseURL": baseURL, "timeout": timeout], displayStyle: .struct)
    }
}
