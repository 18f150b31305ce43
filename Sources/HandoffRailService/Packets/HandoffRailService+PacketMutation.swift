import Foundation
import HandoffRailModels
import HandoffRailStorage

extension HandoffRailService {
    /// How often a change is recomputed after losing a race to a concurrent change.
    static let maximumCommitAttempts = 16

    /// Loads the caller's packet, lets `transform` compute its next revision and what the
    /// change records, and commits it conditionally (`… WHERE revision = ?`).
    ///
    /// When another request changed the packet in between, the packet is read again and
    /// `transform` decides anew — so of 100 concurrent claimers exactly one succeeds and the
    /// others see the packet already claimed.
    ///
    /// - Throws: 404 when the tenant has no such packet; whatever `transform` throws.
    func mutatePacket(
        id: UUID,
        caller: APICaller,
        _ transform: (_ stored: StoredPacket, _ now: Date) throws -> PacketChangeRecorder
    ) async throws -> Packet {
        var attempt = 0
        while true {
            attempt += 1
            let stored = try await requirePacket(id: id, caller: caller)
            let recorder = try transform(stored, clock.now())
            do {
                let committed = try await commitAnnouncing([recorder.change], idempotency: nil)
                return committed.first?.packet ?? recorder.change.packet
            } catch let error as StoreError where error.code == .revisionConflict && attempt < Self.maximumCommitAttempts {
                continue
            }
        }
    }

    /// The caller's packet, or the protocol's 404.
    func requirePacket(id: UUID, caller: APICaller) async throws -> StoredPacket {
        guard let stored = try await store.packet(id: id, tenantID: caller.tenantID) else {
            throw ServiceError.notFound("Packet \(id.uuidString.lowercased()) not found")
        }
        return stored
    }

    /// The actor recorded for changes made with an API key rather than on an agent's behalf.
    static func keyActor(_ caller: APICaller) -> String {
        "key:\(caller.keyID)"
    }
}
