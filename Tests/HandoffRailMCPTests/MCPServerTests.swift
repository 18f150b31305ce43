import Foundation
import HandoffRailAgents
import HandoffRailMCP
import HandoffRailModels
import HandoffRailTestSupport
import MCP
import Testing

/// The MCP server end to end: the MCP SDK's client over an in-memory transport, our server,
/// the dispatcher, and the real HandoffRail stack in-process.
@Suite struct MCPServerTests {
    static let triage = AgentIdentity(id: "mcp-triage", name: "MCP Triage", framework: .openAIAgents)
    static let billing = AgentIdentity(id: "mcp-billing", name: "MCP Billing")

    @Test func initializeAnnouncesToolsAndTheAgent() async throws {
        let server = try await ClientTestServer.make()
        try await MCPTestSession.run(as: Self.triage, on: server) { session in
            let result = session.initialize
            #expect(result.serverInfo.name == HandoffRailMCP.serverName)
            #expect(result.serverInfo.version == HandoffRailMCP.serverVersion)
            #expect(result.capabilities.tools != nil)
            #expect(result.capabilities.resources == nil && result.capabilities.prompts == nil)
            #expect(Version.supported.contains(result.protocolVersion))
            let instructions = try #require(result.instructions)
            #expect(instructions.contains("\"mcp-triage\"") && instructions.contains("openai-agents"))
        }
    }

    @Test func listsEveryGeneratedToolAsTheEncoderWritesIt() async throws {
        let server = try await ClientTestServer.make()
        try await MCPTestSession.run(as: Self.triage, on: server) { session in
            let (tools, nextCursor) = try await session.client.listTools()
            #expect(nextCursor == nil)
            #expect(tools.map(\.name) == ToolSpec.generated.map(\.name))
            for (tool, spec) in zip(tools, ToolSpec.generated) {
                var listed: [String: JSONValue] = [
                    "name": .string(tool.name),
                    "inputSchema": MCPValueBridge.json(from: tool.inputSchema),
                    "annotations": Self.annotations(tool.annotations),
                ]
                listed["title"] = tool.title.map(JSONValue.string)
                listed["description"] = tool.description.map(JSONValue.string)
                listed["outputSchema"] = tool.outputSchema.map(MCPValueBridge.json(from:))
                #expect(JSONValue.object(listed) == MCPToolEncoder.encode(spec), "\(spec.name)")
            }
        }
    }

    @Test func createClaimAndCompleteThroughTools() async throws {
        let server = try await ClientTestServer.make()
        let created = try await MCPTestSession.run(as: Self.triage, on: server) { session in
            // A model claiming to be someone else is overruled by the server's identity.
            let result = try await session.call("handoffrail_create_packet", [
                "metadata": [
                    "target_agent": ["id": "mcp-billing", "name": "MCP Billing"], "priority": "high",
                    "source_agent": ["id": "mallory", "name": "Mallory"],
                ],
                "context": ["summary": "Refund invoice INV-7 twice paid; verify and refund."],
            ])
            return try Self.structuredAnswer(result, tool: .createPacket)
        }
        #expect(created["status"] == "created")
        let source = try #require(created["metadata"]?["source_agent"])
        #expect(source["id"] == "mcp-triage" && source["name"] == "MCP Triage" && source["framework"] == "openai-agents")
        let packetID = try #require(created["id"]?.stringValue)

        try await MCPTestSession.run(as: Self.billing, on: server) { session in
            let claimed = try Self.structuredAnswer(
                try await session.call("handoffrail_claim_packet", ["packet_id": .string(packetID)]), tool: .claimPacket)
            #expect(claimed["status"] == "claimed")
            #expect(claimed["metadata"]?["target_agent"]?["id"] == "mcp-billing")

            let completed = try Self.structuredAnswer(
                try await session.call("handoffrail_update_packet", ["packet_id": .string(packetID), "status": "completed"]),
                tool: .updatePacket)
            #expect(completed["status"] == "completed")
            #expect(completed["metadata"]?["completed_at"]?.stringValue != nil)

            let history = try Self.structuredAnswer(
                try await session.call("handoffrail_get_packet_history", ["packet_id": .string(packetID)]), tool: .getPacketHistory)
            let events = history["events"]?.arrayValue?.compactMap { $0["event_type"]?.stringValue }
            #expect(events == ["created", "claimed", "completed"])
        }
        let stored = try await server.inProcessClient().getPacket(packetId: try #require(UUID(uuidString: packetID)))
        #expect(stored.status == .completed)
        #expect(stored.metadata.sourceAgent.id == "mcp-triage")
        #expect(stored.metadata.targetAgent.id == "mcp-billing")
    }

    @Test func anAPIErrorIsAnErrorResultWithTheAPIsMessage() async throws {
        let server = try await ClientTestServer.make()
        try await MCPTestSession.run(as: Self.billing, on: server) { session in
            let created = try Self.structuredAnswer(try await session.call("handoffrail_create_packet", [
                "metadata": ["target_agent": ["id": "mcp-billing", "name": "MCP Billing"]],
                "context": ["summary": "Claimed twice."],
            ]), tool: .createPacket)
            let packetID = try #require(created["id"])
            _ = try Self.structuredAnswer(try await session.call("handoffrail_claim_packet", ["packet_id": MCPValueBridge.value(from: packetID)]), tool: .claimPacket)

            let again = try await session.call("handoffrail_claim_packet", ["packet_id": MCPValueBridge.value(from: packetID)])
            #expect(again.isError == true)
            #expect(again.structuredContent == nil)
            let expected = try await Self.dispatcherMessage(server, "handoffrail_claim_packet", ["packet_id": packetID])
            #expect(MCPTestSession.text(of: again) == expected)
            #expect(expected.lowercased().contains("already claimed"))

            let missing = try await session.call("handoffrail_get_packet", ["packet_id": .string(UUID().uuidString.lowercased())])
            #expect(missing.isError == true)
            #expect(MCPTestSession.text(of: missing)?.lowercased().contains("not found") == true)
        }
    }

    @Test func argumentsThatDoNotFitAreAnErrorResult() async throws {
        let server = try await ClientTestServer.make()
        try await MCPTestSession.run(as: Self.billing, on: server) { session in
            let result = try await session.call("handoffrail_claim_packet", [:])
            #expect(result.isError == true)
            let text = try #require(MCPTestSession.text(of: result))
            #expect(text.contains("packet_id"))
            #expect(text == (try await Self.dispatcherMessage(server, "handoffrail_claim_packet", [:])))
        }
    }

    @Test func anUnknownToolIsAProtocolError() async throws {
        let server = try await ClientTestServer.make()
        try await MCPTestSession.run(as: Self.billing, on: server) { session in
            await #expect(throws: MCPError.invalidParams("Unknown tool: handoffrail_delete_everything")) {
                _ = try await session.call("handoffrail_delete_everything", [:])
            }
            // The connection is still usable afterwards.
            let (tools, _) = try await session.client.listTools()
            #expect(tools.count == ToolSpec.generated.count)
        }
    }

    // MARK: - Helpers

    /// The answer of a successful call: one text item holding the JSON, the same JSON as
    /// `structuredContent`, valid against the tool's output schema (formats asserted).
    static func structuredAnswer(_ result: CallTool.Result, tool: ToolSpec) throws -> JSONValue {
        #expect(result.isError == false, "\(tool.name): \(MCPTestSession.text(of: result) ?? "")")
        let text = try #require(MCPTestSession.text(of: result), "\(tool.name): one text item")
        let answer = try JSONValue(parsing: text)
        let structured = try #require(result.structuredContent, "\(tool.name): structuredContent")
        #expect(MCPValueBridge.json(from: structured) == answer)
        let validator = try JSONSchemaValidator(schema: try #require(MCPToolEncoder.outputSchema(for: tool)))
        let issues = validator.validate(answer)
        #expect(issues.isEmpty, "\(tool.name): \(issues)")
        return answer
    }

    /// What the dispatcher itself says for a failing call (the message the MCP result must carry).
    static func dispatcherMessage(_ server: ClientTestServer, _ name: String, _ arguments: [String: JSONValue]) async throws -> String {
        let dispatcher = ToolDispatcher(client: server.inProcessClient(), identity: billing)
        do {
            _ = try await dispatcher.call(name, arguments: .object(arguments))
        } catch {
            return error.message
        }
        Issue.record("\(name) was expected to fail")
        return ""
    }

    static func annotations(_ annotations: Tool.Annotations) -> JSONValue {
        var members: [String: JSONValue] = [:]
        if let value = annotations.readOnlyHint { members["readOnlyHint"] = .bool(value) }
        if let value = annotations.destructiveHint { members["destructiveHint"] = .bool(value) }
        if let value = annotations.idempotentHint { members["idempotentHint"] = .bool(value) }
        if let value = annotations.openWorldHint { members["openWorldHint"] = .bool(value) }
        return .object(members)
    }
}
