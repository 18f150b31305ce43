import HandoffRailModels
import HandoffRailStorage

extension StoredAPIKey {
    /// The key as listed: everything but the plain key (`key: null`), which is never stored.
    var listed: ApiKey {
        ApiKey(id: id, name: name, keyPrefix: keyPrefix, tenantId: tenantID, role: role, revoked: revoked, createdAt: createdAt, key: nil)
    }

    /// The answer of a create or rotate: the row plus the plain key, shown this once.
    func created(plainKey: String) -> ApiKeyCreated {
        ApiKeyCreated(id: id, name: name, keyPrefix: keyPrefix, tenantId: tenantID, role: role, revoked: revoked, createdAt: createdAt, key: plainKey)
    }
}

extension StoredWebhook {
    /// The hook as the API shows it: without its secret.
    var wire: Webhook {
        Webhook(id: id, url: url, events: events, tenantId: tenantID, active: active, createdAt: createdAt)
    }
}
