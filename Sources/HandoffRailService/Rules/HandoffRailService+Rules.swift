import Foundation
import HandoffRailModels
import HandoffRailStorage

/// `/rules`: the tenant's deterministic handoff rules. Writing needs an admin key (the
/// generated router checks `x-handoffrail-role` before the call); every write invalidates
/// the tenant's cached rules once it has committed, so the next create or claim on this
/// instance sees it (other instances: within ``RuleCache``'s 5 s).
extension HandoffRailService {
    /// At most this many rules per tenant: every create and claim evaluates all of them.
    static let maximumRulesPerTenant = 100

    /// `GET /rules`: all of the tenant's rules, disabled ones included, in evaluation order
    /// (`order`, `created_at`, `id`) — at most ``maximumRulesPerTenant``, so no paging.
    ///
    /// ```swift
    /// let list = try await client.listRules()   // {rules: [...], total: 2}
    /// ```
    public func listRules(_ input: Operations.ListRules.Input, caller: APICaller) async throws -> Operations.ListRules.Output {
        let rules = try await store.rules(tenantID: caller.tenantID)
        return .ok(HandoffRuleList(rules: rules, total: rules.count))
    }

    /// `GET /rules/{id}`: one rule of the caller's tenant; another tenant's is 404 (its
    /// existence is not revealed).
    public func getRule(_ input: Operations.GetRule.Input, caller: APICaller) async throws -> Operations.GetRule.Output {
        .ok(try await existingRule(input.ruleId, of: caller))
    }

    /// Validates (422), then inserts; a name the tenant already uses is 409 `duplicate_name`,
    /// a rule beyond ``maximumRulesPerTenant`` is 403 `quota_exceeded` (`max_rules`, like the
    /// other per-tenant limits; checked in the insert's transaction, so parallel creates cannot
    /// overshoot).
    public func createRule(_ input: Operations.CreateRule.Input, caller: APICaller) async throws -> Operations.CreateRule.Output {
        let body = input.body
        try RuleValidator.check(condition: body.condition, action: body.action)
        let now = clock.now()
        let rule = HandoffRule(
            id: UUID(), name: body.name, description: body.description, enabled: body.enabled, order: body.order,
            match: body.match ?? HandoffRuleMatch(), condition: body.condition, action: body.action, createdAt: now, updatedAt: now
        )
        do {
            try await store.insertRule(rule, tenantID: caller.tenantID, maximumCount: Self.maximumRulesPerTenant)
        } catch let error as StoreError where error.code == .duplicate {
            throw duplicateRuleName(rule.name)
        } catch let error as StoreError where error.code == .limitExceeded {
            throw ServiceError.forbidden(
                "Handoff rule limit reached: a tenant may have at most \(Self.maximumRulesPerTenant) rules; delete one first",
                code: "quota_exceeded", field: "max_rules")
        }
        ruleCache.invalidate(caller.tenantID)
        logger.info("Created handoff rule", metadata: ["tenant_id": "\(caller.tenantID)", "rule_id": "\(rule.id)"])
        return .created(rule)
    }

    /// Applies the fields present, validates the result like a new rule, and replaces it —
    /// only if nobody changed the rule since it was read (`updated_at` guard). A lost race is
    /// retried on the fresh rule (the PATCH's fields win over the other write's, field by
    /// field); still losing after ``ruleUpdateAttempts`` is 409 `concurrent_update`.
    public func updateRule(_ input: Operations.UpdateRule.Input, caller: APICaller) async throws -> Operations.UpdateRule.Output {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return .ok(try await updateRuleOnce(input, caller: caller))
            } catch let error as StoreError where error.code == .revisionConflict {
                if attempt < Self.ruleUpdateAttempts { continue }
                throw ServiceError.conflict("The rule was changed concurrently; read it again and retry", code: "concurrent_update")
            }
        }
    }

    /// How often ``updateRule`` tries before answering 409.
    static let ruleUpdateAttempts = 3

    /// One read–apply–conditional-replace round of ``updateRule``.
    private func updateRuleOnce(_ input: Operations.UpdateRule.Input, caller: APICaller) async throws -> HandoffRule {
        var rule = try await existingRule(input.ruleId, of: caller)
        let readAt = rule.updatedAt
        let update = input.body
        if let name = update.name { rule.name = name }
        switch update.description {
        case .absent: break
        case .null: rule.description = nil
        case .value(let description): rule.description = description
        }
        if let enabled = update.enabled { rule.enabled = enabled }
        if let order = update.order { rule.order = order }
        if let match = update.match { rule.match = match }
        switch update.condition {
        case .absent: break
        case .null: rule.condition = nil
        case .value(let condition): rule.condition = condition
        }
        if let action = update.action { rule.action = action }
        try RuleValidator.check(condition: rule.condition, action: rule.action)
        rule.updatedAt = clock.now()
        let replaced: Bool
        do {
            replaced = try await store.replaceRule(rule, tenantID: caller.tenantID, expectedUpdatedAt: readAt)
        } catch let error as StoreError where error.code == .duplicate {
            throw duplicateRuleName(rule.name)
        }
        ruleCache.invalidate(caller.tenantID)
        guard replaced else { throw ruleNotFound(rule.id) }
        return rule
    }

    /// `DELETE /rules/{id}`: removes the rule; it no longer applies from the next create or
    /// claim on this instance. Unknown or another tenant's rule is 404.
    public func deleteRule(_ input: Operations.DeleteRule.Input, caller: APICaller) async throws -> Operations.DeleteRule.Output {
        let deleted = try await store.deleteRule(id: input.ruleId, tenantID: caller.tenantID)
        ruleCache.invalidate(caller.tenantID)
        guard deleted else { throw ruleNotFound(input.ruleId) }
        return .noContent
    }

    /// An evaluator over the tenant's rules (from the per-process cache; it keeps the enabled ones).
    func tenantRules(_ caller: APICaller) async throws -> RuleEvaluator {
        try await ruleCache.rules(of: caller.tenantID) { RuleEvaluator(rules: try await store.rules(tenantID: caller.tenantID)) }
    }

    private func existingRule(_ id: UUID, of caller: APICaller) async throws -> HandoffRule {
        guard let rule = try await store.rule(id: id, tenantID: caller.tenantID) else { throw ruleNotFound(id) }
        return rule
    }

    private func ruleNotFound(_ id: UUID) -> ServiceError {
        .notFound("Rule \(id.uuidString.lowercased()) not found")
    }

    private func duplicateRuleName(_ name: String) -> ServiceError {
        .conflict("A rule named '\(name)' already exists", code: "duplicate_name")
    }
}
