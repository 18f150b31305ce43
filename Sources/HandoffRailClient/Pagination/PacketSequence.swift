import Foundation
import HandoffRailModels

/// Every packet of a listing, newest first, fetched page by page as you iterate (see
/// ``PacketPages``).
///
/// ```swift
/// for try await packet in client.packets(status: [.created], targetAgent: "billing-01") {
///     print(packet.id, packet.context.summary)
/// }
/// ```
public struct PacketSequence: AsyncSequence, Sendable {
    /// One packet of the listing.
    public typealias Element = Packet

    /// The pages behind this sequence.
    public let pages: PacketPages

    /// Starts a walk from the newest packet; each iterator walks on its own.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: pages.makeAsyncIterator())
    }

    /// Yields the packets of one page, then fetches the next.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var pages: PacketPages.AsyncIterator
        var buffered: [Packet] = []
        var position = 0

        /// The next packet, or `nil` after the last; throws ``HandoffRailError``.
        public mutating func next() async throws -> Packet? {
            while position == buffered.count {
                guard let page = try await pages.next() else { return nil }
                buffered = page.packets
                position = 0
            }
            defer { position += 1 }
            return buffered[position]
        }
    }
}
