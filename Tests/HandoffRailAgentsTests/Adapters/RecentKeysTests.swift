@testable import HandoffRailAgents
import Testing

/// The stream's memory of yielded packets stays bounded.
@Suite("HandoffStream: bounded memory of yielded packets")
struct RecentKeysTests {
    @Test("past its capacity the oldest keys are forgotten first")
    func capacity() {
        var keys = RecentKeys(capacity: 3)
        for key in ["a", "b", "c", "d"] { keys.insert(key) }
        #expect(keys.count == 3)
        #expect(!keys.contains("a"))
        #expect(keys.contains("b") && keys.contains("d"))
        keys.insert("b")  // already known: nothing evicted
        #expect(keys.contains("c"))
    }

    @Test("retain(only:) forgets what is no longer ready, and the order follows")
    func retain() {
        var keys = RecentKeys(capacity: 2)
        for key in ["a", "b"] { keys.insert(key) }
        keys.retain(only: ["b"])
        #expect(keys.count == 1)
        keys.insert("c")
        keys.insert("d")
        #expect(!keys.contains("b"))
        #expect(keys.contains("c") && keys.contains("d"))
    }
}
