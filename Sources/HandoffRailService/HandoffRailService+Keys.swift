import Foundation
import HandoffRailModels
import HandoffRailStorage

/// `/keys`: API keys of the caller's tenant. The plain key leaves the service exactly once, in
/// the answer of a create or rotate; only its SHA-256 hash is stored, and neither logs nor
/// errors ever contain it.
extension HandoffRailService {
    public func listApiKeys(_ input: Operations.ListApiKeys.Input, caller: APICaller) async throws -> Operations.ListApiKeys.Output {
        .ok(try await store.keys(tenantID: caller.tenantID).map(\.listed))
    }

    /// Creates a key for the caller's tenant, or for `tenant_id` when the caller administers the
    /// operator tenant. The tenant's active keys are capped by the smaller of its tier's limit
    /// and its own `max_api_keys` (403 `quota_exceeded` beyond).
    public func createApiKey(_ input: Operations.CreateApiKey.Input, caller: APICaller) async throws -> Operations.CreateApiKey.Output {
        let request = input.body
        let tenantID = request.tenantId ?? caller.tenantID
        if tenantID != caller.tenantID, !isOperatorAdmin(caller) {
            throw ServiceError.forbidden(
                "Only administrators of the operator tenant can create keys for another tenant",
                code: "operator_only", field: "tenant_id"
            )
        }
        if case .undocumented = request.role {
            throw ServiceError.unprocessable("Unknown role '\(request.role.rawValue)'", code: "invalid_role", field: "role")
        }
        guard let tenant = try await store.tenant(id: tenantID) else {
            throw ServiceError.notFound("Tenant \(tenantID) not found")
        }

        let plainKey = APIKeyGenerator.makeKey()
        let key = newStoredKey(plainKey: plainKey, tenantID: tenant.id, name: request.name, role: request.role)
        let maximum = maximumActiveKeys(of: tenant)
        guard try await store.insertKey(key, maximumActiveKeys: maximum) else {
            throw ServiceError.forbidden(
                "API key limit reached: tenant \(tenant.id) (tier \(tenant.tier.rawValue)) may have at most \(maximum ?? 0) active keys",
                code: "quota_exceeded", field: "max_api_keys"
            )
        }
        metrics.apiKeyOperation("created")
        logger.info("Created API key", metadata: ["tenant_id": "\(tenant.id)", "key_id": "\(key.id)", "key_prefix": "\(key.keyPrefix)"])
        return .created(key.created(plainKey: plainKey))
    }

    /// Revokes a key of the caller's tenant; it is refused from the next request on.
    public func revokeApiKey(_ input: Operations.RevokeApiKey.Input, caller: APICaller) async throws -> Operations.RevokeApiKey.Output {
        let key = try await existingKey(input.keyId, of: caller)
        guard !key.revoked, try await store.revokeKey(id: key.id, tenantID: caller.tenantID, at: clock.now()) else {
            throw ServiceError.conflict("API key \(key.id.uuidString.lowercased()) is already revoked", code: "already_revoked")
        }
        metrics.apiKeyOperation("revoked")
        logger.info("Revoked API key", metadata: ["tenant_id": "\(caller.tenantID)", "key_id": "\(key.id)"])
        return .noContent
    }

    /// Revokes a key and creates its replacement (same tenant and role, name "<name> (rotated)")
    /// in one store transaction.
    public func rotateApiKey(_ input: Operations.RotateApiKey.Input, caller: APICaller) async throws -> Operations.RotateApiKey.Output {
        let old = try await existingKey(input.keyId, of: caller)
        let alreadyRevoked = ServiceError.conflict("API key \(old.id.uuidString.lowercased()) is already revoked", code: "already_revoked")
        guard !old.revoked else { throw alreadyRevoked }

        let plainKey = APIKeyGenerator.makeKey()
        let replacement = newStoredKey(plainKey: plainKey, tenantID: old.tenantID, name: "\(old.name) (rotated)", role: old.role)
        guard try await store.rotateKey(oldKeyID: old.id, tenantID: caller.tenantID, replacement: replacement, at: clock.now()) else {
            throw alreadyRevoked
        }
        metrics.apiKeyOperation("rotated")
        logger.info("Rotated API key", metadata: [
            "tenant_id": "\(caller.tenantID)", "old_key_id": "\(old.id)", "key_id": "\(replacement.id)",
        ])
        return .created(replacement.created(plainKey: plainKey))
    }

    // MARK: - Helpers

    /// The effective cap on active keys: the smaller of the tier's and the tenant's own limit
    /// (nil on both sides: unlimited).
    func maximumActiveKeys(of tenant: Tenant) -> Int? {
        let limits = [configuration.limits(for: tenant.tier).maxAPIKeys, tenant.maxApiKeys].compactMap { $0 }
        return limits.min()
    }

    private func newStoredKey(plainKey: String, tenantID: String, name: String, role: Role) -> StoredAPIKey {
        StoredAPIKey(
            id: UUID(),
            tenantID: tenantID,
            name: name,
            keyPrefix: APIKeyGenerator.prefix(of: plainKey),
            keyHash: APIKeyHash.hex(of: plainKey),
            role: role,
            createdAt: clock.now()
        )
    }

    /// A key of the caller's tenant, or 404 (another tenant's key is "not found" as well).
    private func existingKey(_ id: UUID, of caller: APICaller) async throws -> StoredAPIKey {
        guard let key = try await store.key(id: id, tenantID: caller.tenantID) else {
            throw ServiceError.notFound("API key \(id.uuidString.lowercased()) not found")
        }
        return key
    }
}
