import HandoffRailModels

/// What the dispatcher writes at an identity path, chosen from the path's last component
/// by an explicit table (an unknown leaf is refused rather than guessed).
///
/// | leaf | value |
/// |---|---|
/// | `source_agent` | the agent as an `AgentInfo` object (`id`, `name`, `framework?`, `version?`) |
/// | `agent_id`, `decided_by`, `completed_by`, `claimed_by`, `responded_by` | the agent id (string) |
/// | `agent_name` | the agent name |
/// | `framework`, `version` | the identity's framework/version, removed when it has none |
/// | `responded_by` under `hitl` | removed: the server fills it when a human answers |
///
/// ```swift
/// IdentityValue.forLeaf("decided_by", parent: nil)       // .agentID
/// IdentityValue.forLeaf("responded_by", parent: "hitl")  // .absent
/// ```
enum IdentityValue: Equatable {
    case agentInfo, agentID, agentName, framework, version
    /// The member is removed (server-owned fields the model must not pre-fill).
    case absent

    /// The table. `parent` is the name of the member holding the leaf (`hitl` for
    /// `hitl.responded_by`), nil at top level.
    static func forLeaf(_ leaf: String, parent: String?) -> IdentityValue? {
        switch (leaf, parent) {
        case ("responded_by", "hitl"?): .absent
        case ("source_agent", _): .agentInfo
        case ("agent_id", _), ("decided_by", _), ("completed_by", _), ("claimed_by", _), ("responded_by", _): .agentID
        case ("agent_name", _): .agentName
        case ("framework", _): .framework
        case ("version", _): .version
        default: nil
        }
    }

    /// The JSON written for `identity`; `.null` means "remove the member".
    func json(for identity: AgentIdentity) -> JSONValue {
        switch self {
        case .agentInfo:
            var info: [String: JSONValue] = ["id": .string(identity.id), "name": .string(identity.name)]
            if let framework = identity.frameworkName { info["framework"] = .string(framework) }
            if let version = identity.version { info["version"] = .string(version) }
            return .object(info)
        case .agentID: return .string(identity.id)
        case .agentName: return .string(identity.name)
        case .framework: return identity.frameworkName.map { .string($0) } ?? .null
        case .version: return identity.version.map { .string($0) } ?? .null
        case .absent: return .null
        }
    }
}
