import Foundation
import HandoffRailClient
import HandoffRailModels

/// Sends valid lines to `POST /packets/batch` 50 at a time, each batch with an idempotency
/// key derived from its lines, and collects what was created and what was refused.
///
/// A batch the server refuses as a whole for its size (413) is split in halves and sent
/// again, down to single packets, so one large packet cannot sink its 49 neighbours; one
/// refused as invalid (400/422) rejects its lines. Any other failure (authentication,
/// rate limit, connection) stops the run: re-running is safe, finished batches are not
/// created twice.
struct BatchUploader {
    /// A line waiting to be sent.
    struct Item: Sendable {
        var line: JSONLinesReader.Line
        var packet: [String: JSONValue]
    }

    /// The endpoint's limit.
    static let batchSize = 50

    let client: HandoffRailClient
    /// Ids of the packets created (or replayed as created by an earlier run).
    private(set) var createdIDs: [UUID] = []
    /// Requests sent.
    private(set) var requests = 0

    init(client: HandoffRailClient) {
        self.client = client
    }

    /// Sends `items`; calls `reject` for every line the server refused, with its reason.
    mutating func send(_ items: [Item], reject: (JSONLinesReader.Line, String) -> Void) async throws {
        guard !items.isEmpty else { return }
        let key = BatchIdempotencyKey.make(lines: items.map(\.line.bytes))
        let result: BatchCreateResult
        do {
            requests += 1
            result = try await client.batchCreatePackets(BatchCreateRequest(packets: items.map(\.packet)), idempotencyKey: key)
        } catch {
            switch (error as? HandoffRailError)?.kind {
            case .payloadTooLarge? where items.count > 1:
                let middle = items.count / 2
                try await send(Array(items[..<middle]), reject: reject)
                try await send(Array(items[middle...]), reject: reject)
                return
            case .payloadTooLarge?, .validation?:
                let reason = ErrorPresenter(serverURL: "").failure(for: error).message
                for item in items { reject(item.line, reason) }
                return
            default:
                throw error
            }
        }
        createdIDs += result.created.map(\.id)
        for error in result.errors {
            guard items.indices.contains(error.index) else { continue }
            reject(items[error.index].line, error.error)
        }
    }
}
