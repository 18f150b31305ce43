import Foundation
import HandoffRailModels

/// A live-events subscription channel: which of the tenant's events a stream receives.
///
/// An event is delivered when it matches any subscribed channel; subscribing to nothing
/// delivers every event of the tenant. Channels are the server's `subscribe` values
/// (`status:<status>`, `packet:<id>`, `agent:<id>`), typed so a misspelt status cannot
/// silently match nothing.
///
/// ```swift
/// let stream = client.events(subscribe: [.status(.created), .agent("billing-01"), .packet(id)])
/// ```
public enum EventChannel: Sendable, Hashable, CustomStringConvertible {
    /// Events of packets entering `status` (e.g. `.created`, `.awaitingHuman`).
    case status(PacketStatus)
    /// Events of packets whose source or target agent is `id`.
    case agent(String)
    /// Events of one packet.
    case packet(UUID)
    /// A channel this SDK version does not model, sent verbatim (`"status:archived"`).
    case custom(String)

    /// The wire form, as sent in `subscribe=` and WebSocket `channel` fields.
    public var wireValue: String {
        switch self {
        case .status(let status): "status:\(status.rawValue)"
        case .agent(let id): "agent:\(id)"
        case .packet(let id): "packet:\(id.uuidString.lowercased())"
        case .custom(let channel): channel
        }
    }

    /// Parses a wire channel; unknown prefixes become ``custom(_:)``.
    ///
    /// ```swift
    /// EventChannel(wireValue: "status:created") == .status(.created)
    /// ```
    public init(wireValue: String) {
        let parts = wireValue.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty else {
            self = .custom(wireValue)
            return
        }
        let value = String(parts[1])
        switch parts[0] {
        case "status": self = .status(PacketStatus(rawValue: value))
        case "agent": self = .agent(value)
        case "packet": self = UUID(uuidString: value).map(EventChannel.packet) ?? .custom(wireValue)
        default: self = .custom(wireValue)
        }
    }

    /// The wire form, so channels print as the server names them.
    public var description: String { wireValue }
}
