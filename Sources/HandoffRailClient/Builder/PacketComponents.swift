import Foundation
import HandoffRailModels

/// DSL line setting `metadata.source_agent`, the agent handing the work off.
///
/// ```swift
/// From("triage-01", name: "Triage", framework: "langchain")
/// ```
public struct From: PacketComponent, Hashable {
    /// The agent.
    public var agent: AgentInfo
    /// The source agent `id` (stable within the tenant) with its display `name`.
    public init(_ id: String, name: String, framework: String? = nil, version: String? = nil) {
        self.agent = AgentInfo(id: id, name: name, framework: framework, version: version)
    }
    /// An agent you already have.
    public init(_ agent: AgentInfo) { self.agent = agent }
    /// Sets `metadata.source_agent`.
    public func apply(to packet: inout PacketBuilder) { packet.sourceAgent = agent }
}

/// DSL line setting `metadata.target_agent`, the agent meant to pick the packet up.
///
/// ```swift
/// To("billing-01", name: "Billing")
/// ```
public struct To: PacketComponent, Hashable {
    /// The agent.
    public var agent: TargetAgentInfo
    /// The target agent `id` with its display `name`.
    public init(_ id: String, name: String, framework: String? = nil) {
        self.agent = TargetAgentInfo(id: id, name: name, framework: framework)
    }
    /// An agent you already have.
    public init(_ agent: TargetAgentInfo) { self.agent = agent }
    /// Sets `metadata.target_agent`.
    public func apply(to packet: inout PacketBuilder) { packet.targetAgent = agent }
}

/// DSL line setting `context.summary`: a self-contained account of the work so far and
/// what is left (required, non-empty, full-text indexed by the server).
///
/// ```swift
/// Summary("Customer asks for a refund of invoice INV-1042")
/// ```
public struct Summary: PacketComponent, Hashable {
    /// The summary text.
    public var text: String
    /// A summary.
    public init(_ text: String) { self.text = text }
    /// Sets `context.summary`.
    public func apply(to packet: inout PacketBuilder) { packet.summary = text }
}

/// DSL line appending to `metadata.tags` (free tags used for filtering).
///
/// ```swift
/// Tags("billing", "refund")
/// ```
public struct Tags: PacketComponent, Hashable {
    /// The tags, in order.
    public var tags: [String]
    /// Some tags.
    public init(_ tags: String...) { self.tags = tags }
    /// Tags from a list.
    public init(_ tags: [String]) { self.tags = tags }
    /// Appends to `metadata.tags`.
    public func apply(to packet: inout PacketBuilder) { packet.tags += tags }
}

/// DSL line merging members into `context.custom`, the packet's free-form data (validated
/// by the server against a registered schema when one is named with ``CustomSchema``).
///
/// ```swift
/// Custom(["ticket": "T-1042", "amount": 42.5])
/// Custom("attempts", 2)
/// ```
public struct Custom: PacketComponent, Hashable {
    /// The members; a later line overrides an earlier one with the same key.
    public var members: [String: JSONValue]
    /// Several members.
    public init(_ members: [String: JSONValue]) { self.members = members }
    /// One member.
    public init(_ key: String, _ value: JSONValue) { self.members = [key: value] }
    /// Merges into `context.custom`.
    public func apply(to packet: inout PacketBuilder) {
        packet.custom.merge(members) { _, new in new }
    }
}
