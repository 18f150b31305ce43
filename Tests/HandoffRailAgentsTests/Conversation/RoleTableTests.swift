import HandoffRailAgents
import HandoffRailModels
import Testing

/// The shared role table, checked as data.
@Suite("Conversation role table")
struct RoleTableTests {
    /// packet role → native role, per framework: the documented table.
    static let expectedOutgoing: [AgentFramework: [ConversationRole: String]] = [
        .langChain: [.user: "human", .agent: "ai", .system: "system", .human: "human"],
        .langGraph: [.user: "human", .agent: "ai", .system: "system", .human: "human"],
        .crewAI: [.user: "user", .agent: "assistant", .system: "system", .human: "user"],
        .openAIAgents: [.user: "user", .agent: "assistant", .system: "system", .human: "user"],
        .vercelAI: [.user: "user", .agent: "assistant", .system: "system", .human: "user"],
        .googleADK: [.user: "user", .agent: "model", .system: "user", .human: "user"],
        .webAgents: [.user: "user", .agent: "assistant", .system: "system", .human: "user"],
        .a2a: [.user: "ROLE_USER", .agent: "ROLE_AGENT", .system: "ROLE_USER", .human: "ROLE_USER"],
    ]

    @Test("every framework maps every documented packet role, as documented", arguments: AgentFramework.allCases)
    func outgoing(framework: AgentFramework) throws {
        let mapping = ConversationRoleTable.mapping(for: framework)
        #expect(mapping.framework == framework)
        #expect(mapping.outgoing == Self.expectedOutgoing[framework])
        for role in ConversationRole.allCases {
            #expect(try mapping.nativeRole(for: role) == Self.expectedOutgoing[framework]?[role])
        }
    }

    @Test("human is mapped explicitly and the choice is explained", arguments: AgentFramework.allCases)
    func human(framework: AgentFramework) {
        let mapping = ConversationRoleTable.mapping(for: framework)
        #expect(mapping.outgoing[.human] != nil)
        #expect(mapping.humanRationale.count > 40)
    }

    @Test("reading back what the table writes gives the role back, except the documented collapses", arguments: AgentFramework.allCases)
    func inverse(framework: AgentFramework) throws {
        let mapping = ConversationRoleTable.mapping(for: framework)
        for role in [ConversationRole.user, .agent, .system] {
            let native = try mapping.nativeRole(for: role)
            let back = mapping.packetRole(forNative: native)
            if (framework == .googleADK || framework == .a2a) && role == .system {
                #expect(back == .user)  // ADK events and A2A messages have no system role
            } else {
                #expect(back == role)
            }
        }
        #expect(mapping.packetRole(forNative: try mapping.nativeRole(for: .human)) == .user)
        #expect(mapping.packetRole(forNative: "agent") == nil)
    }

    @Test("an undocumented packet role is an error, not a guess")
    func undocumented() throws {
        let error = #expect(throws: ConversationCodecError.self) {
            try ConversationRoleTable.mapping(for: .langChain).nativeRole(for: .undocumented("reviewer"))
        }
        #expect(error?.code == .unmappedRole)
        #expect(error?.description.contains("reviewer") == false)
        let entries = [ContextEntry(role: .undocumented("reviewer"), content: "ok")]
        let resumeError = #expect(throws: ConversationCodecError.self) {
            try OpenAIAgentsCodec().resume(entries, options: ResumeOptions())
        }
        #expect(resumeError?.location == "$[0].role")
    }

    @Test("a packet with a human turn resumes into each framework's user-side role")
    func humanTurnResumes() throws {
        let entries = [ContextEntry(role: .human, content: "Approved by finance")]
        #expect(try LangChainCodec().resume(entries, options: ResumeOptions())[0]?["type"] == "human")
        #expect(try OpenAIAgentsCodec().resume(entries, options: ResumeOptions())[0]?["role"] == "user")
        #expect(try VercelAICodec(version: .v5).resume(entries, options: ResumeOptions())[0]?["role"] == "user")
        #expect(try WebAgentsCodec().resume(entries, options: ResumeOptions())[0]?["role"] == "user")
        #expect(try A2ACodec().resume(entries, options: ResumeOptions())[0]?["role"] == "ROLE_USER")
        let event = try GoogleADKCodec().resume(entries, options: ResumeOptions())[0]
        #expect(event?["content"]?["role"] == "user")
        #expect(event?["author"] == "user")
        let inputs = try CrewAICodec().resume(entries, options: ResumeOptions())
        #expect(inputs["conversation"] == "user: Approved by finance")
    }
}
