import HandoffRailService

/// Checks the `X-API-Key` a request presents. ``HandoffRailService`` is the real one (hash
/// lookup, revocation read on every call); tests pass a fixed table to isolate the HTTP glue.
public protocol APIKeyAuthenticator: Sendable {
    /// `.authenticated(caller)`, `.revoked` (403) or `.unknown` (401) for a non-empty key.
    func authenticate(apiKey: String) async throws -> Authentication
}

extension HandoffRailService: APIKeyAuthenticator {}
