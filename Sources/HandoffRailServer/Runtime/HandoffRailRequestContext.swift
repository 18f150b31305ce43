import HandoffRailModels
import Hummingbird

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
public struct HandoffRailRequestContext: HandoffRailRequestContextProtocol {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The authenticated caller, set by the authentication middleware.
    public var caller: APICaller?

    /// A context for a new request, not yet authenticated.
    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.caller = nil
    }
}
