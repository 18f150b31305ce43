import Foundation
import HandoffRailModels

/// The pages of a packet listing, fetched one request at a time as you iterate, following
/// the server's `next_cursor` until there is none.
///
/// Cursor pages do not shift when packets are created meanwhile (unlike offsets), so a walk
/// sees every packet that existed when it started exactly once.
///
/// ```swift
/// for try await page in client.packetPages(PacketQuery(status: [.created])) {
///     print("\(page.packets.count) of \(page.total)")
/// }
/// ```
public struct PacketPages: AsyncSequence, Sendable {
    /// One page: packets, the listing's `total` and the cursor of the next page.
    public typealias Element = PacketList

    let client: any HandoffRailOperations
    let query: PacketQuery

    /// Starts a walk from the first (newest) page; each iterator walks on its own.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(client: client, query: query)
    }

    /// Fetches the next page on each `next()`.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let client: any HandoffRailOperations
        let query: PacketQuery
        var cursor: String?
        var isFinished = false

        init(client: any HandoffRailOperations, query: PacketQuery) {
            self.client = client
            self.query = query
        }

        /// The next page, or `nil` after the last one; throws ``HandoffRailError``.
        public mutating func next() async throws -> PacketList? {
            guard !isFinished else { return nil }
            let answer = try await client.exchange(query.input(cursor: cursor))
            guard case .ok(let page) = answer.output else {
                isFinished = true
                throw Self.error(answer)
            }
            // A page without packets, or a cursor that does not move, ends the walk rather
            // than looping.
            if let next = page.nextCursor, next != cursor, !page.packets.isEmpty {
                cursor = next
            } else {
                isFinished = true
            }
            return page
        }

        private static func error(_ answer: (output: Operations.ListPackets.Output, response: TransportResponse)) -> HandoffRailError {
            let body: APIErrorBody
            switch answer.output {
            case .badRequest(let detail), .unauthorized(let detail), .forbidden(let detail): body = .errorDetail(detail)
            case .unprocessableContent(let issues): body = .httpValidationError(issues)
            case .tooManyRequests(let limit): body = .rateLimitError(limit)
            case .undocumented(_, let data): body = .undocumented(data)
            case .ok: body = .empty
            }
            return HandoffRailError(operationID: "listPackets", response: answer.response, body: body)
        }
    }
}
