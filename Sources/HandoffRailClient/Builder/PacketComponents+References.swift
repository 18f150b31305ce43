import Foundation
import HandoffRailModels

/// DSL line appending an artifact whose value is any `JSONValue`.
///
/// The schema accepts a string, an object or an array; `Artifact` can only hold those,
/// while this takes what you have (say, a tool's JSON output) and leaves the check to
/// ``PacketBuilder/build()``, which rejects other values just as the server would.
///
/// ```swift
/// JSONArtifact("invoice", ["id": "INV-1042", "amount": 42.5], contentType: "application/json")
/// ```
public struct JSONArtifact: PacketComponent, Hashable {
    /// The artifact name.
    public var key: String
    /// The content.
    public var value: JSONValue
    /// The MIME type, e.g. `text/markdown`.
    public var contentType: String?
    /// An artifact named `key`.
    public init(_ key: String, _ value: JSONValue, contentType: String? = nil) {
        self.key = key
        self.value = value
        self.contentType = contentType
    }
    /// Appends to `context.artifacts`.
    public func apply(to packet: inout PacketBuilder) {
        packet.artifacts.append(ArtifactDraft(key: key, value: value, contentType: contentType))
    }
}

/// DSL line setting `metadata.created_at`, when the source agent created the handoff. The
/// spec lets clients supply it; the HandoffRail server records its own clock instead.
///
/// ```swift
/// CreatedAt(conversationEndedAt)
/// ```
public struct CreatedAt: PacketComponent, Hashable {
    /// The creation time.
    public var date: Date
    /// A creation time.
    public init(_ date: Date) { self.date = date }
    /// Sets `metadata.created_at`.
    public func apply(to packet: inout PacketBuilder) { packet.createdAt = date }
}

/// DSL line setting `parent_packet_id`: the packet this one continues (a create only;
/// `chainPacket` takes its parent from the path instead).
///
/// ```swift
/// Parent(previous.id)
/// ```
public struct Parent: PacketComponent, Hashable {
    /// The parent packet's id.
    public var id: UUID
    /// A parent packet.
    public init(_ id: UUID) { self.id = id }
    /// Sets `parent_packet_id`.
    public func apply(to packet: inout PacketBuilder) { packet.parentPacketID = id }
}

/// DSL line setting `schema_id`: a JSON Schema registered with the tenant that
/// `context.custom` must satisfy (checked by the server, which answers 422 otherwise).
///
/// ```swift
/// CustomSchema(refundSchema.id)
/// ```
public struct CustomSchema: PacketComponent, Hashable {
    /// The registered schema's id.
    public var id: UUID
    /// A registered schema.
    public init(_ id: UUID) { self.id = id }
    /// Sets `schema_id`.
    public func apply(to packet: inout PacketBuilder) { packet.schemaID = id }
}
