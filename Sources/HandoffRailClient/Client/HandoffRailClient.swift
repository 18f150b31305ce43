import Foundation
import HandoffRailModels

/// The HandoffRail SDK client: every spec operation as a typed method, with retries of what is
/// safe to retry, automatic idempotency keys on creates, and one error type
/// (``HandoffRailError``).
///
/// The operation methods (`createPacket`, `getPacket`, `claimPacket`, … one per spec
/// operation) come from the spec through ``HandoffRailOperations``; this type adds the
/// retrying transport, pagination (``packets(status:sourceAgent:targetAgent:tags:priority:hitlRequired:createdAfter:createdBefore:pageSize:)``)
/// and the verbs an agent needs (``claim(_:agentID:agentName:framework:)``,
/// ``complete(_:decisions:)``, ``fail(_:reason:decidedBy:)``, ``chain(from:_:idempotencyKey:)``).
///
/// ```swift
/// let client = HandoffRailClient(baseURL: URL(string: "http://127.0.0.1:8080")!, apiKey: key)
/// let packet = try await client.getPacket(packetId: id)
/// for try await waiting in client.packets(status: [.created], targetAgent: "billing-01") {
///     try await client.claim(waiting.id, agentID: "billing-01", agentName: "Billing")
/// }
/// ```
public struct HandoffRailClient: HandoffRailOperations {
    /// Timeouts, retries and the user agent.
    public let configuration: HandoffRailClientConfiguration
    /// The server's root URL; nil when requests go to a transport given at initialisation
    /// (for example an in-process one).
    public let baseURL: URL?
    /// Sent as `X-API-Key` (or as `api_key` when an event stream is told to); `package` so the
    /// WebSocket event client can send it with the upgrade; never printed.
    package let apiKey: String?
    /// The generated client, sending through the retrying transport: use it for the same
    /// operations without the facade's extras.
    public let api: HandoffRailAPIClient

    /// A client of the server at `baseURL`, over `URLSession` (FoundationNetworking on Linux).
    ///
    /// - Parameters:
    ///   - baseURL: the server's root, e.g. `http://127.0.0.1:8080` (operation paths start with `/api/v1`).
    ///   - apiKey: the `hr_…` key; `nil` for the unauthenticated health endpoints only.
    ///   - configuration: timeout, retries and user agent (``HandoffRailClientConfiguration``).
    ///   - sleeper: how retries wait; tests inject one that does not sleep.
    public init(baseURL: URL, apiKey: String?, configuration: HandoffRailClientConfiguration = .init(), sleeper: RetrySleeper = .live) {
        // The URLSession timer is a backstop; the retrying transport enforces the timeout.
        let transport = URLSessionTransport(baseURL: baseURL, apiKey: nil, timeout: configuration.timeout + 1)
        self.init(transport: transport, baseURL: baseURL, apiKey: apiKey, configuration: configuration, sleeper: sleeper)
    }

    /// A client sending through `transport` (for example `InProcessTransport` of the server
    /// module, or a test double), with the same retries, headers and errors.
    public init(transport: any HandoffRailTransport, apiKey: String? = nil, configuration: HandoffRailClientConfiguration = .init(), sleeper: RetrySleeper = .live) {
        self.init(transport: transport, baseURL: nil, apiKey: apiKey, configuration: configuration, sleeper: sleeper)
    }

    private init(transport: any HandoffRailTransport, baseURL: URL?, apiKey: String?, configuration: HandoffRailClientConfiguration, sleeper: RetrySleeper) {
        self.configuration = configuration
        self.baseURL = baseURL
        self.apiKey = apiKey
        let retrying = RetryingTransport(base: transport, apiKey: apiKey, configuration: configuration, sleeper: sleeper)
        self.api = HandoffRailAPIClient(transport: retrying)
    }

    /// Sends a built operation request with the client's retries; the generated operation
    /// methods call this.
    public func send(_ request: ClientRequest) async throws -> TransportResponse {
        try await api.send(request)
    }
}

extension HandoffRailClient: CustomStringConvertible, CustomReflectable {
    /// `HandoffRailClient(http://127.0.0.1:8080, key hr_ab…)`; the key is shortened to its
    /// first five characters.
    public var description: String {
        let target = baseURL?.absoluteString ?? "custom transport"
        let key = apiKey.map { " key \(String($0.prefix(5)))…" } ?? " no key"
        return "HandoffRailClient(\(target),\(key))"
    }

    /// Mirrors without the API key, so `dump(client)` never prints it.
    public var customMirror: Mirror {
        Mirror(self, children: ["configuration": configuration, "baseURL": baseURL as Any], displayStyle: .struct)
    }
}
