import ServiceLifecycle

/// A `Service` that does nothing until graceful shutdown, then runs `action`: put it before
/// the HTTP server in a `ServiceGroup` (which shuts services down in reverse order) to close
/// the store only after the server has drained its requests.
///
/// ```swift
/// let group = ServiceGroup(
///     services: [ShutdownActionService(name: "store") { try store.close() }, application],
///     gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
/// ```
public struct ShutdownActionService: Service, CustomStringConvertible {
    private let name: String
    private let action: @Sendable () async throws -> Void

    /// A service that runs `action` on shutdown; `name` appears in the group's logs.
    public init(name: String, action: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.action = action
    }

    public var description: String { "ShutdownAction(\(name))" }

    public func run() async throws {
        // Returns on graceful shutdown or cancellation; either way the resource is released.
        try? await gracefulShutdown()
        try await action()
    }
}
