import Foundation
import HandoffRailModels
import HandoffRailStorage

/// `/hooks`: outgoing webhooks of the caller's tenant, their deliveries and the dead-letter
/// queue. The signing secret goes into the store and never comes back out of the API.
extension HandoffRailService {
    /// The tenant's hooks, inactive ones included.
    public func listHooks(_ input: Operations.ListHooks.Input, caller: APICaller) async throws -> Operations.ListHooks.Output {
        .ok(try await store.hooks(tenantID: caller.tenantID).map(\.wire))
    }

    /// Registers a hook after the SSRF rules of ``WebhookTargetPolicy`` and the tier's webhook
    /// limit (free: none, 403 `quota_exceeded`).
    public func createHook(_ input: Operations.CreateHook.Input, caller: APICaller) async throws -> Operations.CreateHook.Output {
        let request = input.body
        let maximum = configuration.limits(for: caller.tier).maxWebhooks
        if let maximum, maximum <= 0 {
            throw webhookQuotaExceeded(tier: caller.tier, maximum: maximum)
        }
        var events: [WebhookEventType] = []
        for event in request.events where !events.contains(event) {
            if case .undocumented(let value) = event {
                throw ServiceError.unprocessable("Unknown webhook event type '\(value)'", code: "invalid_event", field: "events")
            }
            events.append(event)
        }
        guard !events.isEmpty else {
            throw ServiceError.unprocessable("A webhook needs at least one event type", code: "invalid_events", field: "events")
        }
        try await WebhookTargetPolicy(allowPrivateTargets: configuration.allowPrivateWebhookTargets).check(request.url)

        let hook = StoredWebhook(
            id: UUID(), tenantID: caller.tenantID, url: request.url, events: events,
            secret: request.secret, active: true, createdAt: clock.now()
        )
        guard try await store.insertHook(hook, maximumActiveHooks: maximum) else {
            throw webhookQuotaExceeded(tier: caller.tier, maximum: maximum ?? 0)
        }
        logger.info("Registered webhook", metadata: ["tenant_id": "\(caller.tenantID)", "hook_id": "\(hook.id)"])
        return .created(hook.wire)
    }

    /// Deactivates a hook (it stays listed); already inactive is 409.
    public func deleteHook(_ input: Operations.DeleteHook.Input, caller: APICaller) async throws -> Operations.DeleteHook.Output {
        let hook = try await existingHook(input.hookId, of: caller)
        guard hook.active, try await store.deactivateHook(id: hook.id, tenantID: caller.tenantID) else {
            throw ServiceError.conflict("Webhook \(hook.id.uuidString.lowercased()) is already inactive", code: "already_inactive")
        }
        return .noContent
    }

    public func listHookDeliveries(_ input: Operations.ListHookDeliveries.Input, caller: APICaller) async throws -> Operations.ListHookDeliveries.Output {
        let hook = try await existingHook(input.hookId, of: caller)
        let page = try await store.deliveries(
            hookID: hook.id, tenantID: caller.tenantID, status: input.status, limit: input.limit, offset: input.offset
        )
        return .ok(page.rows)
    }

    public func listDeadLetters(_ input: Operations.ListDeadLetters.Input, caller: APICaller) async throws -> Operations.ListDeadLetters.Output {
        .ok(try await store.deadLetters(tenantID: caller.tenantID, limit: input.limit, offset: input.offset).rows)
    }

    /// Puts one dead letter of the tenant back to `pending`; anything else is 404.
    public func replayDeadLetter(_ input: Operations.ReplayDeadLetter.Input, caller: APICaller) async throws -> Operations.ReplayDeadLetter.Output {
        guard let delivery = try await store.replayDeadLetter(id: input.deliveryId, tenantID: caller.tenantID, at: clock.now()) else {
            throw ServiceError.notFound("Dead letter \(input.deliveryId.uuidString.lowercased()) not found")
        }
        return .ok(DeadLetterReplayResult(deliveryId: delivery.id, status: delivery.status))
    }

    /// Puts every dead letter of the caller's tenant back to `pending`.
    public func retryAllDeadLetters(_ input: Operations.RetryAllDeadLetters.Input, caller: APICaller) async throws -> Operations.RetryAllDeadLetters.Output {
        let retried = try await store.retryAllDeadLetters(tenantID: caller.tenantID, at: clock.now())
        return .ok(RetryAllResult(retried: retried))
    }

    // MARK: - Helpers

    private func existingHook(_ id: UUID, of caller: APICaller) async throws -> StoredWebhook {
        guard let hook = try await store.hook(id: id, tenantID: caller.tenantID) else {
            throw ServiceError.notFound("Webhook \(id.uuidString.lowercased()) not found")
        }
        return hook
    }

    private func webhookQuotaExceeded(tier: Tier, maximum: Int) -> ServiceError {
        let allowance = maximum <= 0 ? "no webhooks" : "at most \(maximum) active webhooks"
        return .forbidden("Webhook limit reached: the \(tier.rawValue) tier allows \(allowance)", code: "quota_exceeded", field: "webhooks")
    }
}
