import Foundation
import HandoffRailModels

/// A channel a live-event subscriber listens to: `status:<status>`, `packet:<packet id>` or
/// `agent:<agent id>` (the packet's source or target agent).
///
/// A subscriber with several channels receives an event that matches any of them; with none
/// it receives every event of its tenant (see ``EventChannelFilter``).
///
/// ```swift
/// let channel = try EventChannel(parsing: "agent:billing-01")
/// channel.matches(event)   // true when billing-01 is the source or target agent
/// channel.description      // "agent:billing-01"
/// ```
public enum EventChannel: Sendable, Hashable, CustomStringConvertible {
    /// Events of packets whose status (after the change) is this one.
    case status(PacketStatus)
    /// Events of one packet.
    case packet(UUID)
    /// Events of packets this agent sends or receives.
    case agent(String)

    /// Parses the wire form; throws for an unknown kind, an unknown status, a packet id that
    /// is not a UUID or an empty agent id.
    public init(parsing text: String) throws(EventChannelError) {
        guard let colon = text.firstIndex(of: ":") else { throw EventChannelError(channel: text) }
        let kind = text[..<colon]
        let value = String(text[text.index(after: colon)...])
        switch kind {
        case "status":
            let status = PacketStatus(rawValue: value)
            guard PacketStatus.allCases.contains(status) else { throw EventChannelError(channel: text) }
            self = .status(status)
        case "packet":
            guard let id = UUID(uuidString: value) else { throw EventChannelError(channel: text) }
            self = .packet(id)
        case "agent":
            guard !value.isEmpty else { throw EventChannelError(channel: text) }
            self = .agent(value)
        default:
            throw EventChannelError(channel: text)
        }
    }

    /// The wire form (`status:created`, `packet:<lowercase uuid>`, `agent:<id>`).
    public var description: String {
        switch self {
        case .status(let status): "status:\(status.rawValue)"
        case .packet(let id): "packet:\(id.uuidString.lowercased())"
        case .agent(let id): "agent:\(id)"
        }
    }

    /// Whether `event` belongs to this channel, judged from the event's own fields: `data.status`,
    /// `packet_id`, `data.source_agent_id` / `data.target_agent_id`.
    public func matches(_ event: Event) -> Bool {
        switch self {
        case .status(let status):
            return event.data["status"] == .string(status.rawValue)
        case .packet(let id):
            return event.packetId == id
        case .agent(let id):
            return event.data["source_agent_id"] == .string(id) || event.data["target_agent_id"] == .string(id)
        }
    }
}

/// A channel string that names no channel; the message quotes the channel and lists the forms.
public struct EventChannelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The channel as the client sent it.
    public var channel: String

    public var description: String {
        "Invalid channel '\(channel)': use status:<status>, packet:<packet id> or agent:<agent id>"
    }
}

/// The channels of one subscriber; empty means every event of the tenant.
///
/// ```swift
/// var filter = EventChannelFilter()
/// filter.channels.insert(.status(.created))
/// filter.admits(event)
/// ```
public struct EventChannelFilter: Sendable, Hashable {
    /// The subscribed channels.
    public var channels: Set<EventChannel>

    public init(_ channels: Set<EventChannel> = []) {
        self.channels = channels
    }

    /// True when no channel is subscribed or any subscribed channel matches.
    public func admits(_ event: Event) -> Bool {
        channels.isEmpty || channels.contains { $0.matches(event) }
    }

    /// The channels' wire forms, sorted (for the `connected` frame).
    public var names: [String] {
        channels.map(\.description).sorted()
    }
}
