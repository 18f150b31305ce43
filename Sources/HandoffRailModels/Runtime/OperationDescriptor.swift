/// What the spec says about an operation's HTTP binding and access, for middleware
/// (authentication, roles) and clients.
public struct OperationDescriptor: Sendable, Hashable {
    /// The spec's `operationId`.
    public var id: String
    /// `GET`, `POST`, …
    public var method: String
    /// The path template, `/api/v1/packets/{packet_id}`.
    public var path: String
    /// The minimum role (`reader`, `agent`, `writer`, `admin`), from `x-handoffrail-role`.
    public var requiredRole: String?
    /// `false` for `/health`, `/ready`, `/metrics` and the spec itself.
    public var requiresAuthentication: Bool
    /// `sse` or `websocket` for streaming operations served by hand-written code.
    public var transport: String?

    /// A descriptor; generated code creates one per operation.
    public init(id: String, method: String, path: String, requiredRole: String?, requiresAuthentication: Bool, transport: String?) {
        self.id = id
        self.method = method
        self.path = path
        self.requiredRole = requiredRole
        self.requiresAuthentication = requiresAuthentication
        self.transport = transport
    }
}
