import HandoffRailModels

/// How packet roles and one framework's native roles translate, both ways.
///
/// Packet roles are `user`, `agent`, `system` and `human` (a person in the loop who is not
/// the end user: a reviewer, an approver). Native roles are what the framework writes in its
/// JSON (`"ai"` in LangChain, `"model"` in Google ADK, `"assistant"` elsewhere). The mapping
/// is data so that it can be read, documented and tested as a table; see
/// ``ConversationRoleTable``.
///
/// ```swift
/// let openAI = ConversationRoleTable.mapping(for: .openAIAgents)
/// try openAI.nativeRole(for: .human)      // "user"
/// openAI.packetRole(forNative: "developer")   // .system
/// ```
public struct FrameworkRoleMapping: Sendable, Hashable {
    /// The framework.
    public let framework: AgentFramework
    /// The native role written for each packet role.
    public let outgoing: [ConversationRole: String]
    /// The packet role read for each native role.
    public let incoming: [String: ConversationRole]
    /// Why `human` maps where it does in this framework.
    public let humanRationale: String

    /// A mapping; the shipped ones are in ``ConversationRoleTable``.
    public init(
        framework: AgentFramework, outgoing: [ConversationRole: String], incoming: [String: ConversationRole],
        humanRationale: String
    ) {
        self.framework = framework
        self.outgoing = outgoing
        self.incoming = incoming
        self.humanRationale = humanRationale
    }

    /// The native role for a packet role; an undocumented packet role throws rather than
    /// being guessed.
    public func nativeRole(for role: ConversationRole) throws(ConversationCodecError) -> String {
        guard let native = outgoing[role] else {
            throw ConversationCodecError(
                .unmappedRole, at: "role", expected: "one of user, agent, system, human for \(framework.rawValue)")
        }
        return native
    }

    /// The packet role for a native role, or `nil` when the framework's table does not list it.
    public func packetRole(forNative native: String) -> ConversationRole? {
        incoming[native]
    }
}
