import HandoffRailModels
import Synchronization

/// The tenants' handoff rules as last read from the store — in the service, already built
/// into a ``RuleEvaluator`` — so the create and claim paths (which consult them on every
/// request) usually cost no query and no sorting.
///
/// Consistency: a write through this process invalidates the tenant's entry after it
/// committed, and a load that was already running when a write invalidated the entry is not
/// kept (a per-tenant generation number), so after a successful write on this instance no
/// request starting later sees the old rules. Writes made through another server instance
/// are picked up when the entry ages out: after at most ``maximumAge``.
///
/// ```swift
/// let evaluator = try await ruleCache.rules(of: tenantID) { RuleEvaluator(rules: try await store.rules(tenantID: tenantID)) }
/// ruleCache.invalidate(tenantID)   // after insert, replace or delete
/// ```
final class RuleCache<Rules: Sendable>: Sendable {
    /// How long another instance's rule change may stay unseen.
    static var maximumAge: Duration { .seconds(5) }

    private struct Entry {
        var rules: Rules
        var loadedAt: ContinuousClock.Instant
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var generations: [String: Int] = [:]
    }

    private let state = Mutex(State())

    /// The tenant's rules (evaluation order, as the store answers), cached for ``maximumAge``.
    func rules(of tenantID: String, load: () async throws -> Rules) async throws -> Rules {
        let now = ContinuousClock.now
        let (cached, generation) = state.withLock { state in
            (state.entries[tenantID], state.generations[tenantID, default: 0])
        }
        if let cached, now - cached.loadedAt < Self.maximumAge { return cached.rules }
        let loaded = try await load()
        state.withLock { state in
            if state.generations[tenantID, default: 0] == generation {
                state.entries[tenantID] = Entry(rules: loaded, loadedAt: now)
            }
        }
        return loaded
    }

    /// Forgets the tenant's rules after a write; loads in flight are not cached.
    func invalidate(_ tenantID: String) {
        state.withLock { state in
            state.entries[tenantID] = nil
            state.generations[tenantID, default: 0] += 1
        }
    }
}
