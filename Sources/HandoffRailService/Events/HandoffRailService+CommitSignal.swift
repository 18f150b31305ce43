import Foundation
import HandoffRailStorage

extension HandoffRailService {
    /// Commits through the store and then announces the commit on ``commitSignal``, so the
    /// event fan-out publishes the new outbox rows at once. Only a successful commit is
    /// announced: nothing is published before (or without) its transaction.
    @discardableResult
    func commitAnnouncing(
        _ changes: [PacketChange], idempotency: IdempotencyRecord?, creationLimit: CreationLimit? = nil
    ) async throws -> [StoredPacket] {
        let stored = try await store.commit(changes, idempotency: idempotency, creationLimit: creationLimit)
        if changes.contains(where: { !$0.events.isEmpty }) {
            commitSignal.announce()
        }
        return stored
    }
}
