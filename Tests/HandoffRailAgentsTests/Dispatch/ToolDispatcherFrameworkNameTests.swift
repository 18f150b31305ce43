import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// An agent on a framework the adapters do not know (an MCP host, an in-house runtime) is
/// recorded under its own framework name.
@Suite("AgentIdentity: any framework name")
struct ToolDispatcherFrameworkNameTests {
    static let desk = AgentIdentity(id: "desk-1", name: "Desk", frameworkName: "claude-desktop", version: "0.9")

    @Test("a known name reads back as the framework; any other name only as the name")
    func knownAndOtherNames() {
        var identity = AgentIdentity(id: "a", name: "A", framework: .crewAI)
        #expect(identity.frameworkName == "crewai")
        #expect(identity.framework == .crewAI)
        identity.frameworkName = "claude-desktop"
        #expect(identity.framework == nil)
        identity.framework = .googleADK
        #expect(identity.frameworkName == "google-adk")
        #expect(AgentIdentity(id: "a", name: "A", frameworkName: "langchain") == AgentIdentity(id: "a", name: "A", framework: .langChain))
        #expect(Self.desk.agentInfo == AgentInfo(id: "desk-1", name: "Desk", framework: "claude-desktop", version: "0.9"))
    }

    @Test("the dispatcher writes the name into source_agent and the claimer's framework")
    func dispatcherWritesTheName() throws {
        let dispatcher = ToolDispatcher(client: HandoffRailClient(transport: RefusingTransport(), apiKey: nil), identity: Self.desk)
        let create = try dispatcher.prepare("handoffrail_create_packet", arguments: [
            "metadata": ["target_agent": ["id": "billing-01", "name": "Billing"], "source_agent": ["id": "x", "name": "X", "framework": "forged"]],
            "context": ["summary": "Refund"],
        ])
        let created = try JSONValue(parsing: try #require(create.request.request.body))
        #expect(created["metadata"]?["source_agent"] == ["id": "desk-1", "name": "Desk", "framework": "claude-desktop", "version": "0.9"])

        let claim = try dispatcher.prepare("handoffrail_claim_packet", arguments: ["packet_id": "5f0c2b1e-0000-4000-8000-00000000000a"])
        let claimed = try JSONValue(parsing: try #require(claim.request.request.body))
        #expect(claimed["framework"] == "claude-desktop")
        #expect(claimed["agent_id"] == "desk-1")
    }

    @Test("an adapter keeps a given name and fills a missing one from its codec")
    func adapterKeepsTheName() {
        let client = HandoffRailClient(transport: RefusingTransport(), apiKey: nil)
        #expect(HandoffAdapter.langChain(client: client, identity: Self.desk).identity.frameworkName == "claude-desktop")
        let unnamed = AgentIdentity(id: "a", name: "A")
        #expect(HandoffAdapter.langChain(client: client, identity: unnamed).identity.framework == .langChain)
        #expect(HandoffAdapter.langGraph(client: client, identity: unnamed).identity.framework == .langGraph)
    }
}
