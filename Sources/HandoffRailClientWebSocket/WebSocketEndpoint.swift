import Foundation
import HandoffRailClient
import HTTPTypes
import HummingbirdWSClient

/// Where and how a session opens its WebSocket: the `ws://` / `wss://` URL derived from the
/// client's base URL, and the upgrade request's headers (API key, user agent).
struct WebSocketEndpoint: Sendable {
    /// The URL text HummingbirdWSClient connects to; holds the key when it goes in the query.
    let url: String
    /// The client configuration with the upgrade headers.
    let configuration: WebSocketClientConfiguration

    /// The endpoint of the server at `baseURL` (`http` becomes `ws`, `https` becomes `wss`;
    /// a base path is kept, so `https://host/rail` connects to `wss://host/rail/ws`).
    init(baseURL: URL, apiKey: String?, userAgent: String, options: WebSocketEventOptions) throws(HandoffRailError) {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false),
              let scheme = components.scheme?.lowercased(),
              let webSocketScheme = Self.webSocketSchemes[scheme] else {
            throw HandoffRailError(kind: .connection, operationID: WebSocketSessionController.operationID,
                                   reason: "a WebSocket needs an http, https, ws or wss base URL")
        }
        components.scheme = webSocketScheme
        let basePath = components.percentEncodedPath.hasSuffix("/") ? String(components.percentEncodedPath.dropLast()) : components.percentEncodedPath
        let path = options.path.hasPrefix("/") ? options.path : "/" + options.path
        components.percentEncodedPath = basePath + path
        components.fragment = nil
        var headers: HTTPFields = [.userAgent: userAgent]
        switch (apiKey, options.keyPlacement) {
        case (nil, _):
            components.percentEncodedQuery = nil
        case (let key?, .header):
            components.percentEncodedQuery = nil
            if let name = HTTPField.Name("X-API-Key") { headers[name] = key }
        case (let key?, .queryParameter):
            let encoded = key.addingPercentEncoding(withAllowedCharacters: Self.queryValueAllowed) ?? key
            components.percentEncodedQuery = "api_key=" + encoded
        }
        guard let text = components.string else {
            throw HandoffRailError(kind: .connection, operationID: WebSocketSessionController.operationID,
                                   reason: "the base URL cannot be turned into a WebSocket URL")
        }
        url = text
        var configuration = WebSocketClientConfiguration(
            maxFrameSize: options.maxMessageSize, additionalHeaders: headers, closeTimeout: .seconds(5),
            autoPing: options.keepAliveInterval.map { .enabled(timePeriod: $0) } ?? .disabled, validateUTF8: true)
        configuration.ignoreUncleanSSLShutdownErrors = true
        self.configuration = configuration
    }

    private static let webSocketSchemes = ["http": "ws", "https": "wss", "ws": "ws", "wss": "wss"]

    /// Characters left unescaped in a query value (unreserved characters of RFC 3986).
    private static let queryValueAllowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}
