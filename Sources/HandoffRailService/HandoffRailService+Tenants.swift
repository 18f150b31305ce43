import Foundation
import HandoffRailModels
import HandoffRailStorage

/// `/tenants`: managed only by admins of the operator tenant (the bootstrap tenant,
/// `configuration.operatorTenantID`). Unlike the reference, an admin of any other tenant gets
/// 403 here, whatever the tenant concerned.
extension HandoffRailService {
    public func listTenants(_ input: Operations.ListTenants.Input, caller: APICaller) async throws -> Operations.ListTenants.Output {
        try requireOperatorAdmin(caller)
        var tenants: [Tenant] = []
        let pageSize = 200
        while true {
            let page = try await store.tenants(limit: pageSize, offset: tenants.count)
            tenants += page.rows
            if page.rows.count < pageSize || tenants.count >= page.total { break }
        }
        return .ok(tenants)
    }

    /// Creates a tenant with a new lowercase-UUID id; a live tenant of the same name is 409.
    public func createTenant(_ input: Operations.CreateTenant.Input, caller: APICaller) async throws -> Operations.CreateTenant.Output {
        try requireOperatorAdmin(caller)
        let request = input.body
        try requireKnownTier(request.tier)
        let now = clock.now()
        let tenant = Tenant(
            id: UUID().uuidString.lowercased(),
            name: request.name,
            tier: request.tier,
            handoffsPerDay: request.handoffsPerDay,
            maxApiKeys: request.maxApiKeys,
            createdAt: now,
            updatedAt: now,
            deletedAt: nil
        )
        do {
            try await store.insertTenant(tenant)
        } catch let error as StoreError where error.code == .duplicate {
            throw duplicateName(request.name)
        }
        logger.info("Created tenant", metadata: ["tenant_id": "\(tenant.id)", "tier": "\(tenant.tier.rawValue)"])
        return .created(tenant)
    }

    public func getTenant(_ input: Operations.GetTenant.Input, caller: APICaller) async throws -> Operations.GetTenant.Output {
        try requireOperatorAdmin(caller)
        return .ok(try await liveTenant(input.tenantId))
    }

    /// Changes only the fields present in the body.
    public func updateTenant(_ input: Operations.UpdateTenant.Input, caller: APICaller) async throws -> Operations.UpdateTenant.Output {
        try requireOperatorAdmin(caller)
        var tenant = try await liveTenant(input.tenantId)
        let changes = input.body
        if let name = changes.name { tenant.name = name }
        if let tier = changes.tier {
            try requireKnownTier(tier)
            tenant.tier = tier
        }
        if let handoffsPerDay = changes.handoffsPerDay { tenant.handoffsPerDay = handoffsPerDay }
        if let maxApiKeys = changes.maxApiKeys { tenant.maxApiKeys = maxApiKeys }
        tenant.updatedAt = clock.now()
        do {
            try await store.updateTenant(tenant)
        } catch let error as StoreError {
            switch error.code {
            case .duplicate: throw duplicateName(tenant.name)
            case .notFound: throw tenantNotFound(tenant.id)
            case .revisionConflict, .unavailable, .limitExceeded: throw error
            }
        }
        return .ok(tenant)
    }

    /// Soft-deletes a tenant (its keys are revoked). The operator tenant cannot be deleted:
    /// that would lock every operator out.
    public func deleteTenant(_ input: Operations.DeleteTenant.Input, caller: APICaller) async throws -> Operations.DeleteTenant.Output {
        try requireOperatorAdmin(caller)
        guard input.tenantId != configuration.operatorTenantID else {
            throw ServiceError.forbidden(
                "The operator tenant '\(input.tenantId)' cannot be deleted",
                code: "operator_tenant", field: "tenant_id"
            )
        }
        guard try await store.deleteTenant(id: input.tenantId, at: clock.now()) else {
            throw tenantNotFound(input.tenantId)
        }
        logger.info("Deleted tenant", metadata: ["tenant_id": "\(input.tenantId)"])
        return .noContent
    }

    public func listTenantApiKeys(_ input: Operations.ListTenantApiKeys.Input, caller: APICaller) async throws -> Operations.ListTenantApiKeys.Output {
        try requireOperatorAdmin(caller)
        let tenant = try await liveTenant(input.tenantId)
        return .ok(try await store.keys(tenantID: tenant.id).map(\.listed))
    }

    // MARK: - Helpers

    /// Whether the caller is an admin of the operator tenant.
    func isOperatorAdmin(_ caller: APICaller) -> Bool {
        caller.tenantID == configuration.operatorTenantID && caller.role == .admin
    }

    private func requireOperatorAdmin(_ caller: APICaller) throws {
        guard isOperatorAdmin(caller) else {
            throw ServiceError.forbidden("Only administrators of the operator tenant can manage tenants", code: "operator_only")
        }
    }

    private func requireKnownTier(_ tier: Tier) throws {
        if case .undocumented(let value) = tier {
            throw ServiceError.unprocessable("Unknown tier '\(value)'", code: "invalid_tier", field: "tier")
        }
    }

    private func liveTenant(_ id: String) async throws -> Tenant {
        guard let tenant = try await store.tenant(id: id) else { throw tenantNotFound(id) }
        return tenant
    }

    private func tenantNotFound(_ id: String) -> ServiceError {
        .notFound("Tenant \(id) not found")
    }

    private func duplicateName(_ name: String) -> ServiceError {
        .conflict("A tenant named '\(name)' already exists", code: "duplicate_name")
    }
}
