import HandoffRailModels

/// A packet variable a rule comparison reads, e.g. `context.custom.customer.tier`.
///
/// Only the paths listed in ``fixedPaths`` and `context.custom.<key>[.<key>…]` are accepted;
/// anything else is refused when the rule is written (422), so evaluation never meets an
/// unknown variable. A path is resolved against the packet's wire JSON (snake_case keys).
///
/// ```swift
/// let tier = RuleVariable(parsing: "context.custom.customer.tier")   // segments: context, custom, customer, tier
/// tier?.resolve(in: packetJSON)                                      // .string("gold"), or nil when absent
/// ```
struct RuleVariable: Hashable, Sendable {
    /// The object keys from the packet's root.
    let segments: [String]

    /// Every supported variable that is not under `context.custom`.
    static let fixedPaths: [String] = [
        "context.summary",
        "metadata.priority", "metadata.tags",
        "metadata.source_agent.id", "metadata.source_agent.name", "metadata.source_agent.framework",
        "metadata.target_agent.id", "metadata.target_agent.name", "metadata.target_agent.framework",
        "hitl.required", "status", "parent_packet_id",
    ]

    static let customPrefix = "context.custom."

    /// The variable for `text`, or nil when it is not supported.
    init?(parsing text: String) {
        if Self.fixedPaths.contains(text) {
            segments = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            return
        }
        guard text.hasPrefix(Self.customPrefix) else { return nil }
        let keys = text.dropFirst(Self.customPrefix.count).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !keys.isEmpty, !keys.contains(where: \.isEmpty) else { return nil }
        segments = ["context", "custom"] + keys
    }

    /// Whether this is `metadata.priority`, whose strings order by rank rather than by text.
    var isPriority: Bool { segments == ["metadata", "priority"] }

    /// The value at this path in `packet`, or nil when absent or JSON `null`.
    /// `hitl.required` of a packet without a checkpoint is `false`.
    func resolve(in packet: JSONValue) -> JSONValue? {
        var current = packet
        for segment in segments {
            guard case .object(let members) = current, let next = members[segment], next != .null else {
                return segments == ["hitl", "required"] ? .bool(false) : nil
            }
            current = next
        }
        return current
    }
}
