import Foundation
import HandoffRailModels

/// Something that happened to a packet, as a live event stream delivers it.
///
/// The fields are the wire `Event` (`{"type", "packet_id", "data", "timestamp"}`) plus the
/// stream position ``id``, which the client sends back as `Last-Event-ID` when it
/// reconnects so no event is missed.
///
/// ```swift
/// for try await event in client.events(subscribe: [.agent("billing-01")]) {
///     if event.type == .packetCreated {
///         print("new handoff", event.packetID, event.data["summary"]?.stringValue ?? "")
///     }
/// }
/// ```
public struct HandoffRailEvent: Sendable, Hashable {
    /// What happened (`.packetCreated`, `.hitlResponseReady`, …; unknown types are kept as
    /// `.undocumented`).
    public var type: EventType
    /// The packet the event is about.
    public var packetID: UUID
    /// The event's payload (status, source and target agent, summary, …).
    public var data: [String: JSONValue]
    /// When it happened, on the server's clock.
    public var timestamp: Date
    /// The SSE event id (the server's event sequence number); `nil` when the transport
    /// has none.
    public var id: String?

    /// An event with every field given.
    public init(type: EventType, packetID: UUID, data: [String: JSONValue], timestamp: Date, id: String? = nil) {
        self.type = type
        self.packetID = packetID
        self.data = data
        self.timestamp = timestamp
        self.id = id
    }

    /// The SDK event for a decoded wire `Event` received with stream id `id`.
    public init(_ event: Event, id: String?) {
        self.init(type: event.type, packetID: event.packetId, data: event.data, timestamp: event.timestamp, id: id)
    }

    /// The packet status the event reports (`data["status"]`), when present.
    public var status: PacketStatus? {
        data["status"]?.stringValue.map(PacketStatus.init(rawValue:))
    }
}
