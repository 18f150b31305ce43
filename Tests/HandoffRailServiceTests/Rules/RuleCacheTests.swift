import Foundation
import HandoffRailModels
@testable import HandoffRailService
import Testing

/// The per-tenant rule cache: served from memory while fresh, never keeps a load that raced
/// with a write, and invalidation is per tenant.
@Suite("Rule cache")
struct RuleCacheTests {
    static func rule(_ name: String) -> HandoffRule {
        HandoffRule(
            id: UUID(), name: name, enabled: true, order: 0, match: HandoffRuleMatch(),
            action: HandoffRuleAction(type: .blockClaim, reason: "r"), createdAt: Date(), updatedAt: Date())
    }

    /// Counts loads so a test can tell cache hits from store reads.
    actor Loads {
        var count = 0
        func next(_ rules: [HandoffRule]) -> [HandoffRule] {
            count += 1
            return rules
        }
    }

    @Test("a fresh entry is served without loading; invalidation reloads that tenant only")
    func hitsAndInvalidation() async throws {
        let cache = RuleCache<[HandoffRule]>()
        let loads = Loads()
        let a = [Self.rule("a")], b = [Self.rule("b")]
        #expect(try await cache.rules(of: "t1") { await loads.next(a) } == a)
        #expect(try await cache.rules(of: "t1") { await loads.next(b) } == a)
        #expect(try await cache.rules(of: "t2") { await loads.next(b) } == b)
        #expect(await loads.count == 2)

        cache.invalidate("t1")
        #expect(try await cache.rules(of: "t1") { await loads.next(b) } == b)
        #expect(try await cache.rules(of: "t2") { await loads.next(a) } == b)
        #expect(await loads.count == 3)
    }

    @Test("a load that was running when a write invalidated the tenant is not kept")
    func racingLoadIsDropped() async throws {
        let cache = RuleCache<[HandoffRule]>()
        let stale = [Self.rule("stale")], fresh = [Self.rule("fresh")]
        let served = try await cache.rules(of: "t") {
            cache.invalidate("t")   // a rule write commits while this load is in flight
            return stale
        }
        #expect(served == stale)   // the request that raced may use what it read …
        #expect(try await cache.rules(of: "t") { fresh } == fresh)   // … but the next one reloads
        #expect(try await cache.rules(of: "t") { stale } == fresh)
    }
}
