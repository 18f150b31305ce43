import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The `GET /events` request of one connection attempt.
///
/// `subscribe` repeats once per channel (`?subscribe=status:created&subscribe=agent:b-01`);
/// the key goes in `X-API-Key` or `api_key` as the options say; `Last-Event-ID` asks the
/// server to replay what this client missed since that event.
///
/// ```swift
/// let request = try EventStreamRequest(baseURL: url, apiKey: key, channels: [.status(.created)],
///                                      options: .init(), userAgent: "agent/1", lastEventID: "41").urlRequest()
/// ```
struct EventStreamRequest: Sendable {
    var baseURL: URL
    var apiKey: String?
    var channels: [EventChannel]
    var options: EventStreamOptions
    var userAgent: String
    var lastEventID: String?

    /// The request; throws a `.connection` ``HandoffRailError`` when the base URL cannot take
    /// the path (without quoting the URL, which may carry the key).
    func urlRequest() throws -> URLRequest {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else {
            throw HandoffRailError(kind: .connection, operationID: Self.operationID, reason: "the base URL is not a valid URL")
        }
        let basePath = components.percentEncodedPath.hasSuffix("/") ? String(components.percentEncodedPath.dropLast()) : components.percentEncodedPath
        let path = options.path.hasPrefix("/") ? options.path : "/" + options.path
        components.percentEncodedPath = basePath + path
        var query = channels.map { ("subscribe", $0.wireValue) }
        if options.keyPlacement == .queryParameter, let apiKey { query.append(("api_key", apiKey)) }
        components.percentEncodedQuery = query.isEmpty ? nil : query.map { name, value in
            "\(name)=\(URLSessionTransport.encodeQueryComponent(value))"
        }.joined(separator: "&")
        guard let url = components.url else {
            throw HandoffRailError(kind: .connection, operationID: Self.operationID, reason: "the base URL cannot take the events path")
        }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: options.idleTimeout)
        request.httpMethod = "GET"
        request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        request.setValue("no-cache", forHTTPHeaderField: "Cache-Control")
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        if options.keyPlacement == .header, let apiKey { request.setValue(apiKey, forHTTPHeaderField: "X-API-Key") }
        if let lastEventID, !lastEventID.isEmpty { request.setValue(lastEventID, forHTTPHeaderField: "Last-Event-ID") }
        return request
    }

    /// The spec operation errors of event streams name.
    static let operationID = "streamEvents"
}
