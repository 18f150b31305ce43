import Foundation
import HandoffRailModels
import HandoffRailStorage

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
    ///
    /// ```swift
    /// switch try await service.authenticate(apiKey: header) {
    /// case .authenticated(let caller): …   // run the operation
    /// case .revoked: …                     // 403
    /// case .unknown: …                     // 401
    /// }
    /// ```
    public func authenticate(apiKey: String) async throws -> Authentication {
        guard !apiKey.isEmpty else { return .unknown }
        let presentedHash = APIKeyHash.hex(of: apiKey)
        guard let found = try await store.key(hash: presentedHash),
              APIKeyHash.constantTimeEquals(found.key.keyHash, presentedHash)
        else { return .unknown }
        guard !found.key.revoked else { return .revoked }
        let caller = APICaller(
            tenantID: found.key.tenantID,
            keyID: found.key.id.uuidString.lowercased(),
            role: found.key.role,
            tier: found.tier
        )
        return .authenticated(caller)
    }

    /// On an empty database, creates the operator tenant (`configuration.operatorTenantID`,
    /// tier business) and an admin key: `adminKey` when given (`HANDOFFRAIL_BOOTSTRAP_ADMIN_KEY`),
    /// else a generated one returned to be printed once.
    ///
    /// An operator tenant that already exists (keys were all deleted with a tenant, say) is
    /// reused. The operator tenant gets no own key or handoff limits: its tier's apply.
    ///
    /// ```swift
    /// if case .createdWithGeneratedKey(let key) = try await service.bootstrap(adminKey: nil) {
    ///     print("Admin key (shown once): \(key)")
    /// }
    /// ```
    /// - Throws: ``ServiceError`` 422 when keys must be created and `adminKey` does not start
    ///   with `hr_` (the message never repeats the key).
    public func bootstrap(adminKey: String?) async throws -> BootstrapOutcome {
        guard try await !store.hasAnyKey() else { return .alreadyInitialised }
        if let adminKey {
            guard adminKey.hasPrefix(APIKeyGenerator.keyPrefix), adminKey.count > APIKeyGenerator.keyPrefix.count else {
                throw ServiceError.unprocessable(
                    "The bootstrap admin key (HANDOFFRAIL_BOOTSTRAP_ADMIN_KEY) must start with \"hr_\" followed by the key",
                    code: "invalid_bootstrap_key"
                )
            }
        }
        let tenant = try await operatorTenantCreatingIfNeeded()
        let plainKey = adminKey ?? APIKeyGenerator.makeKey()
        let key = StoredAPIKey(
            id: UUID(),
            tenantID: tenant.id,
            name: "bootstrap admin",
            keyPrefix: APIKeyGenerator.prefix(of: plainKey),
            keyHash: APIKeyHash.hex(of: plainKey),
            role: .admin,
            createdAt: clock.now()
        )
        do {
            _ = try await store.insertKey(key, maximumActiveKeys: nil)
        } catch let error as StoreError where error.code == .duplicate {
            // Another instance bootstrapped the same configured key at the same moment.
            return .alreadyInitialised
        }
        logger.notice("Bootstrapped the operator tenant with an admin key", metadata: [
            "tenant_id": "\(tenant.id)", "key_prefix": "\(key.keyPrefix)",
        ])
        return adminKey == nil ? .createdWithGeneratedKey(plainKey) : .createdWithConfiguredKey
    }

    /// The live operator tenant, created (tier business, named after its id) when missing.
    private func operatorTenantCreatingIfNeeded() async throws -> Tenant {
        let id = configuration.operatorTenantID
        if let existing = try await store.tenant(id: id) { return existing }
        let now = clock.now()
        let tenant = Tenant(id: id, name: id, tier: .business, createdAt: now, updatedAt: now)
        do {
            try await store.insertTenant(tenant)
            return tenant
        } catch let error as StoreError where error.code == .duplicate {
            if let raced = try await store.tenant(id: id) { return raced }
            throw ServiceError.conflict(
                "Cannot create the operator tenant '\(id)': its id or name is taken by another (possibly deleted) tenant",
                code: "bootstrap_conflict"
            )
        }
    }
}
