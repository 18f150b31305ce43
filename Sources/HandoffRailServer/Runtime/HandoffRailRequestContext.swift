import HandoffRailModels
import Hummingbird
import HummingbirdWebSocket

/// A request context that can carry the authenticated caller, set by the authentication
/// middleware and read by the generated routes.
public protocol HandoffRailRequestContextProtocol: RequestContext {
    /// The caller, once authenticated; `nil` before (or for unauthenticated routes).
    var caller: APICaller? { get set }
}

extension HandoffRailRequestContextProtocol {
    /// The caller, or a 401 in the protocol's shape when no valid key was presented.
    public func requireCaller() throws -> APICaller {
        guard let caller else { throw APIProblem(status: .unauthorized, detail: "Missing or invalid API key") }
        return caller
    }
}

/// The server's request context.
///
/// Besides the caller it carries the body limit of the caller's tier: the access gate sets
/// ``bodyLimit`` before the route runs, so `request.collectBody(upTo: context.maxUploadSize)`
/// stops reading a chunked body at the tier's size and the 413 names the tier.
public struct HandoffRailRequestContext: HandoffRailRequestContextProtocol {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The authenticated caller, set by the authentication middleware.
    public var caller: APICaller?
    /// The largest body this request may send, and the tier it comes from.
    public var bodyLimit: BodyLimit
    /// Where the `/ws` route leaves its WebSocket handler for the upgrade (hummingbird-websocket).
    public let webSocket: WebSocketHandlerReference<HandoffRailRequestContext>
    /// Reads the peer's IP address from the connection, only when asked (unauthenticated
    /// requests are counted per client address).
    private let readClientAddress: @Sendable () -> String?

    /// A context for a new request, not yet authenticated, limited to the free tier's body size.
    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.caller = nil
        self.bodyLimit = .unauthenticated
        self.webSocket = WebSocketHandlerReference()
        self.readClientAddress = { [channel = source.channel] in channel.remoteAddress?.ipAddress }
    }

    /// Read by Hummingbird's and our body collection: the tier's packet size.
    public var maxUploadSize: Int { bodyLimit.bytes }

    /// The peer's IP address; `nil` on test channels and Unix sockets.
    public var clientAddress: String? { readClientAddress() }
}

/// The size a request body may have, and the tier that size belongs to (named in the 413).
public struct BodyLimit: Sendable, Hashable {
    /// The tier whose `maxPacketBytes` applies.
    public var tier: Tier
    /// The limit in bytes.
    public var bytes: Int

    /// A limit of `bytes` from `tier`.
    public init(tier: Tier, bytes: Int) {
        self.tier = tier
        self.bytes = bytes
    }

    /// Before authentication: the reference free tier's 64 KiB.
    public static let unauthenticated = BodyLimit(tier: .free, bytes: 64 * 1024)
}
