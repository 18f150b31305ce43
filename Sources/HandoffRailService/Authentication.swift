import Foundation
import HandoffRailModels

/// The outcome of checking an `X-API-Key` (see ``HandoffRailService/authenticate(apiKey:)``).
public enum Authentication: Sendable, Hashable {
    /// A live key: the caller to hand to the operations.
    case authenticated(APICaller)
    /// A known but revoked key (403).
    case revoked
    /// Missing, empty or unknown (401).
    case unknown
}

/// What ``HandoffRailService/bootstrap(adminKey:)`` did on start.
public enum BootstrapOutcome: Sendable, Hashable {
    /// Keys already existed; nothing was created.
    case alreadyInitialised
    /// The operator tenant and an admin key with the given value were created.
    case createdWithConfiguredKey
    /// The operator tenant and a freshly generated admin key were created; print it once.
    case createdWithGeneratedKey(String)
}

extension HandoffRailService {
    /// Checks a plain API key: SHA-256 hash lookup, constant-time comparison, revocation read
    /// from the store on every call (so a revoked key fails on the very next request).
    public func authenticate(apiKey: String) async throws -> Authentication {
        throw ServiceError(statusCode: 501, detail: "authenticate is not implemented yet")
    }

    /// On an empty database, creates the operator tenant (`configuration.operatorTenantID`,
    /// tier business) and an admin key: `adminKey` when given (`HANDOFFRAIL_BOOTSTRAP_ADMIN_KEY`),
    /// else a generated one returned to be printed once.
    public func bootstrap(adminKey: String?) async throws -> BootstrapOutcome {
        throw ServiceError(statusCode: 501, detail: "bootstrap is not implemented yet")
    }
}
