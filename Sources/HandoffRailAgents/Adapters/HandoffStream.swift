import Foundation
import HandoffRailClient
import HandoffRailModels

/// How ``HandoffStream`` learns of new handoffs.
public enum HandoffDelivery: Sendable, Hashable {
    /// The server's live events (`GET /events`, `subscribe=agent:<id>`): a handoff arrives the
    /// moment it is created. Needs a client with a base URL and a server with live events.
    case liveEvents(EventStreamOptions = EventStreamOptions())
    /// Lists the waiting packets every `interval` (for in-process clients and servers
    /// without live events).
    case polling(interval: Duration)
    /// Live events when the client has a base URL, otherwise polling every second.
    case automatic
}

/// The handoffs addressed to one agent, as they happen: an `AsyncSequence` of packets whose
/// target agent is the agent and that are ready for it —
/// - in `created`: a new handoff, to claim (``HandoffAdapter/claimHandoff(_:)``);
/// - in `claimed` with an answered human checkpoint (`hitl.response` set): a handoff that
///   waited for a person (created with a HITL checkpoint, or put in `awaiting_human` by the
///   agent) and that the answer released. The server made it `claimed` for the agent, so it
///   is already the agent's: continue it, do not claim it again.
///
/// With live events, iteration first subscribes to the agent's events (`agent:<id>`) and, once
/// the server confirms the subscription, lists the packets already ready (oldest first) — so
/// a handoff created before or during start-up is not missed. It then yields the packet of
/// each `packet.created` and `hitl.response_ready` event addressed to the agent. After a
/// reconnect, or when the server reports missed events, it lists again. With polling it lists
/// every interval (at least 50 ms apart).
///
/// Every packet is yielded once per iteration and phase (a new handoff once; each human
/// answer once), and only while it is still ready when the stream reaches it; a packet that
/// fails and becomes claimable again is not yielded. The iterator remembers at most 10 000
/// yielded entries, and forgets those no longer ready whenever it lists. The live sequence
/// ends when the event stream ends; it throws the SDK's ``HandoffRailError`` (e.g.
/// `.notFound` from a server without live events, `.connection` for an in-process client).
///
/// ```swift
/// for try await packet in adapter.handoffs() {
///     let mine = try await adapter.claimHandoff(packet)   // claims a new one, keeps an answered one
///     …
/// }
/// ```
public struct HandoffStream: AsyncSequence, Sendable {
    /// Each element is a packet ready for the agent (`created`, or `claimed` after a human answer).
    public typealias Element = Packet

    let client: HandoffRailClient
    let agentID: String
    let delivery: HandoffDelivery

    /// Polling never asks more often than this, whatever interval was given.
    static let minimumPollingInterval = Duration.milliseconds(50)

    /// A fresh iterator: it lists (or subscribes) anew and remembers nothing of other
    /// iterations, so each `for try await` over the stream sees every ready packet.
    public func makeAsyncIterator() -> Iterator {
        Iterator(client: client, agentID: agentID, source: Source(delivery, client: client))
    }

    /// Where new handoffs come from, `.automatic` decided.
    enum Source {
        case liveEvents(EventStreamOptions)
        case polling(interval: Duration)

        init(_ delivery: HandoffDelivery, client: HandoffRailClient) {
            switch delivery {
            case .liveEvents(let options): self = .liveEvents(options)
            case .polling(let interval): self = .polling(interval: Swift.max(interval, HandoffStream.minimumPollingInterval))
            case .automatic: self = client.baseURL == nil ? .polling(interval: .seconds(1)) : .liveEvents(EventStreamOptions())
            }
        }
    }

    /// Walks the agent's handoffs; see ``HandoffStream``.
    public struct Iterator: AsyncIteratorProtocol {
        let client: HandoffRailClient
        let agentID: String
        let source: Source
        /// Packets waiting to be yielded, oldest first, with their readiness keys.
        private var ready: [(key: String, packet: Packet)] = []
        /// The keys in `ready`.
        private var queued: Set<String> = []
        private var yielded = RecentKeys(capacity: 10_000)
        private var events: AsyncThrowingStream<EventStreamMessage, any Error>.AsyncIterator?
        private var hasPolled = false

        init(client: HandoffRailClient, agentID: String, source: Source) {
            self.client = client
            self.agentID = agentID
            self.source = source
        }

        /// The next handoff; waits until there is one.
        public mutating func next() async throws -> Packet? {
            while true {
                if !ready.isEmpty {
                    let (key, packet) = ready.removeFirst()
                    queued.remove(key)
                    yielded.insert(key)
                    return packet
                }
                switch source {
                case .polling(let interval):
                    if hasPolled { try await Task.sleep(for: interval) }
                    hasPolled = true
                    try await listReady()
                case .liveEvents(let options):
                    guard try await receive(options: options) else { return nil }
                }
            }
        }

        /// Handles one message of the event stream; `false` when the stream ended.
        private mutating func receive(options: EventStreamOptions) async throws -> Bool {
            if events == nil {
                events = client.eventMessages(subscribe: [.agent(agentID)], options: options).makeAsyncIterator()
            }
            guard let message = try await events?.next() else { return false }
            switch message {
            case .connected, .missedEvents:
                try await listReady()
            case .event(let event) where (event.type == .packetCreated || event.type == .hitlResponseReady)
                && event.data["target_agent_id"] == .string(agentID):
                if let (key, packet) = try await readyPacket(event.packetID) { enqueue(packet, key: key) }
            default:
                break
            }
            return true
        }

        /// Queues the ready packets addressed to the agent, oldest first, skipping those
        /// already yielded or queued, and forgets yielded entries that are no longer ready.
        private mutating func listReady() async throws {
            var found: [(key: String, packet: Packet)] = []
            for try await packet in client.packets(status: [.created, .claimed], targetAgent: agentID, pageSize: 100) {
                if let key = HandoffReadiness.key(of: packet) { found.append((key, packet)) }
            }
            found.sort { $0.packet.createdAt < $1.packet.createdAt }
            yielded.retain(only: Set(found.map(\.key)))
            for (key, packet) in found { enqueue(packet, key: key) }
        }

        /// Adds `packet` (ready under `key`) unless it was yielded in this phase or is already queued.
        private mutating func enqueue(_ packet: Packet, key: String) {
            guard !yielded.contains(key), queued.insert(key).inserted else { return }
            ready.append((key, packet))
        }

        /// The packet of an event, with its readiness key, when it is still ready for this
        /// agent; `nil` once claimed by someone, moved on, or deleted.
        private func readyPacket(_ id: UUID) async throws -> (key: String, packet: Packet)? {
            do {
                let packet = try await client.getPacket(packetId: id)
                guard packet.metadata.targetAgent.id == agentID, let key = HandoffReadiness.key(of: packet) else { return nil }
                return (key, packet)
            } catch let error as HandoffRailError where error.kind == .notFound {
                return nil
            }
        }
    }
}
