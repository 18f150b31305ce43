import HandoffRailAgents
import HandoffRailModels
import Testing

/// LangChain, CrewAI, Vercel AI SDK and Google ADK tool encoders, against the samples.
@Suite("Framework tool encoders")
struct FrameworkToolEncoderTests {
    /// Every generated tool and two handoff tools (no input, packet input).
    static var allTools: [ToolDefinition] {
        ToolDefinition.generated + [
            ToolDefinition(handoffTo: HandoffTarget(agentName: "Refund Agent", handoffDescription: "Handles refunds.")),
            ToolDefinition(handoffTo: HandoffTarget(agentName: "BillingBot", input: .packet)),
        ]
    }

    @Test("LangChain: the sample's tool_call_schema and OpenAI tool reproduced")
    func langChainSample() throws {
        let sample = try AgentSamples.json("langchain_tool_schema.json")
        var schema = try #require(sample["tool_call_schema"]?.objectValue)
        let description = try #require(schema.removeValue(forKey: "description")?.stringValue)
        let tool = ToolDefinition(name: "lookup_account", description: description, inputSchema: .object(schema))
        let encoder = LangChainToolEncoder()
        #expect(encoder.toolCallSchema(tool).normalized == sample["tool_call_schema"]!.normalized)
        let openAI = try encoder.openAITool(tool)
        #expect(openAI.json.normalized == sample["openai_tool"]!.normalized)
        #expect(Set(openAI.dropped.map(\.location)) == ["#/properties/customer_id", "#/properties/include_history"])
        #expect(openAI.dropped.allSatisfy { $0.keyword == "title" })
    }

    @Test("LangChain: every tool has name, description, args_schema; OpenAI form without titles or $defs")
    func langChainAll() throws {
        let encoder = LangChainToolEncoder()
        for tool in Self.allTools {
            let json = encoder.encode(tool).json
            #expect(json["name"] == .string(tool.name))
            #expect(json["args_schema"]?["title"] != nil)
            #expect(json["args_schema"]?["properties"] == tool.inputSchema["properties"])
            let openAI = try encoder.openAITool(tool)
            let parameters = try #require(openAI.json["function"]?["parameters"])
            #expect(parameters["$defs"] == nil && parameters["title"] == nil)
            #expect(!parameters.serializedString().contains("\"$ref\""))
        }
        let packet = try encoder.openAITool(Self.allTools.last!)
        #expect(packet.dropped.contains { $0.keyword == "$defs" && $0.location == "#" })
    }

    @Test("CrewAI: name, description, titled args_schema; names already sanitised")
    func crewAI() {
        for tool in Self.allTools {
            let json = CrewAIToolEncoder().encode(tool).json
            #expect(json["name"] == .string(tool.name))
            #expect(json["description"] == .string(tool.description))
            #expect(json["args_schema"]?["title"] != nil)
            #expect(json["args_schema"]?["properties"] == tool.inputSchema["properties"])
            #expect(tool.name.count <= 64 && tool.name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" })
        }
    }

    @Test("Vercel AI SDK: v4 parameters, v5 inputSchema, keyed by name")
    func vercel() {
        let v4 = VercelAIToolEncoder(version: .v4).toolSet(Self.allTools)
        let v5 = VercelAIToolEncoder(version: .v5).toolSet(Self.allTools)
        #expect(v4.objectValue?.count == Self.allTools.count)
        for tool in Self.allTools {
            #expect(v4[tool.name] == ["description": .string(tool.description), "parameters": tool.inputSchema])
            #expect(v5[tool.name] == ["description": .string(tool.description), "inputSchema": tool.inputSchema])
        }
    }

    @Test("Google ADK: transfer_to_agent declaration equals the sample")
    func adkSample() throws {
        let sample = try AgentSamples.json("adk_transfer_to_agent_declaration.json")
        let declaration = GoogleADKToolEncoder().transferToAgentDeclaration(agentNames: ["billing_agent", "root_agent"])
        #expect(declaration.json.normalized == sample.normalized)
    }

    @Test("Google ADK: every tool as parameters_json_schema; Vertex flattens Optional anyOf")
    func adkAll() throws {
        for tool in Self.allTools {
            let json = GoogleADKToolEncoder().encode(tool).json
            #expect(json == ["name": .string(tool.name), "description": .string(tool.description), "parameters_json_schema": tool.inputSchema])
        }
        let vertex = GoogleADKToolEncoder(backend: .vertexAI).encode(Self.allTools.last!).json
        let question = try #require(vertex["parameters_json_schema"]?["properties"]?["hitl_question"])
        #expect(question == ["type": "string", "nullable": true, "default": nil, "title": "Hitl Question"])
        let unchanged = GoogleADKToolEncoder(backend: .vertexAI).encode(ToolDefinition(.claimPacket)).json
        #expect(unchanged["parameters_json_schema"] == ToolSpec.claimPacket.inputSchema)
    }
}
