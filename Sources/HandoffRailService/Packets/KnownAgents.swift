import Synchronization

/// The agent ids each tenant's packets name, for the agents-per-tenant quota.
///
/// Loaded from the store once per tenant, then kept up to date by the creates of this
/// process, so the quota check on the hot create path costs no query. With several server
/// instances another instance's new agents are seen after a restart: the quota can then be
/// exceeded by at most what the other instances admitted meanwhile.
final class KnownAgents: Sendable {
    private let agentsByTenant = Mutex<[String: Set<String>]>([:])

    /// The cached ids of a tenant, or nil when not loaded yet.
    func agents(of tenantID: String) -> Set<String>? {
        agentsByTenant.withLock { $0[tenantID] }
    }

    /// Adds ids (after loading from the store, or after a committed create).
    func insert(_ ids: some Sequence<String>, for tenantID: String) {
        agentsByTenant.withLock { $0[tenantID, default: []].formUnion(ids) }
    }
}
