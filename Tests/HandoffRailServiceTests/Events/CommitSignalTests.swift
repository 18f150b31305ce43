import HandoffRailService
import Testing

@Suite("Commit signal")
struct CommitSignalTests {
    @Test("a waiter wakes on an announcement after the generation it saw")
    func wakesOnAnnouncement() async {
        let signal = CommitSignal()
        let seen = signal.generation
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await signal.wait(past: seen) }
            signal.announce()
            await group.waitForAll()
        }
        #expect(signal.generation == seen + 1)
    }

    @Test("an announcement made before the wait is not lost")
    func earlierAnnouncement() async {
        let signal = CommitSignal()
        let seen = signal.generation
        signal.announce()
        await signal.wait(past: seen)  // returns at once
        #expect(signal.generation > seen)
    }

    @Test("cancelling a waiter ends its wait")
    func cancellation() async {
        let signal = CommitSignal()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await signal.wait(past: signal.generation) }
            group.cancelAll()
            await group.waitForAll()
        }
        #expect(signal.generation == 0)
    }
}
