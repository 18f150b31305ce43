import Foundation
import HandoffRailModels

/// The tenants' handoff rules (`/api/v1/rules`).
///
/// Rules are read on every create and claim, so the service caches them per tenant (see
/// `RuleCache` in HandoffRailService); a store only has to answer the tenant's whole list in
/// evaluation order. Names are unique within a tenant: inserting or renaming onto a taken
/// name throws `StoreError(.duplicate)`. The per-tenant cap and the lost-update guard are
/// checked inside the write, so concurrent writers cannot slip past them.
///
/// ```swift
/// try await store.insertRule(rule, tenantID: "default", maximumCount: 100)
/// let ordered = try await store.rules(tenantID: "default")   // order, created_at, id
/// ```
public protocol RuleStore: Sendable {
    /// Inserts a rule of a tenant. Throws `StoreError(.duplicate)` when the name is taken and
    /// `StoreError(.limitExceeded)` when the tenant already has `maximumCount` rules.
    func insertRule(_ rule: HandoffRule, tenantID: String, maximumCount: Int) async throws

    /// The tenant's rules, disabled ones included, in evaluation order: ascending `order`,
    /// then `created_at`, then `id` (lowercase text).
    func rules(tenantID: String) async throws -> [HandoffRule]

    /// One rule of a tenant, or nil (another tenant's rule is nil too).
    func rule(id: UUID, tenantID: String) async throws -> HandoffRule?

    /// Replaces the stored rule with the same id if it is still the revision that was read
    /// (its `updated_at` equals `expectedUpdatedAt`); false when the tenant has none. Throws
    /// `StoreError(.revisionConflict)` when another write changed it first and
    /// `StoreError(.duplicate)` when the new name is another rule's.
    func replaceRule(_ rule: HandoffRule, tenantID: String, expectedUpdatedAt: Date) async throws -> Bool

    /// Deletes a rule; false when the tenant has none with this id.
    func deleteRule(id: UUID, tenantID: String) async throws -> Bool
}
