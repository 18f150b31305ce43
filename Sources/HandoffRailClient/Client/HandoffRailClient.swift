import Foundation
import HandoffRailModels

/// The HandoffRail SDK client: typed operations with retries, idempotent creates and typed
/// errors, on top of the spec-generated ``HandoffRailAPIClient``.
///
/// ```swift
/// let client = HandoffRailClient(baseURL: URL(string: "http://127.0.0.1:8080")!, apiKey: key)
/// let packet = try await client.getPacket(id)
/// ```
public struct HandoffRailClient: Sendable {
    /// Timeouts, retries and the user agent.
    public let configuration: HandoffRailClientConfiguration
    /// The server's root URL; nil when requests go to an in-process transport.
    public let baseURL: URL?
    /// Sent as `X-API-Key` (and `api_key` on event streams); never printed.
    let apiKey: String?
    /// The generated client, sending through the retrying transport.
    public let api: HandoffRailAPIClient

    /// A client of the server at `baseURL`, over `URLSession`.
    public init(baseURL: URL, apiKey: String?, configuration: HandoffRailClientConfiguration = .init()) {
        self.configuration = configuration
        self.baseURL = baseURL
        self.apiKey = apiKey
        let transport = URLSessionTransport(baseURL: baseURL, apiKey: apiKey, timeout: configuration.timeout)
        self.api = HandoffRailAPIClient(transport: transport)
    }

    /// A client sending through `transport` (for example an in-process transport).
    public init(transport: any HandoffRailTransport, apiKey: String? = nil, configuration: HandoffRailClientConfiguration = .init()) {
        self.configuration = configuration
        self.baseURL = nil
        self.apiKey = apiKey
        self.api = HandoffRailAPIClient(transport: transport)
    }
}
