import Foundation
import HandoffRailAgents
import HandoffRailModels
import Testing

/// Every encoded tool, for the Python cross-check `tests/python/agents/check_tool_schemas.py`.
///
/// With `HANDOFFRAIL_AGENTS_EXPORT=<dir>` the documents are written to `<dir>/tools/` (sorted keys):
/// OpenAI Responses / Chat Completions tools with the schema they were made from (and Responses
/// with nullable optional fields), LangChain, CrewAI, Vercel v4/v5 and Google ADK forms, the
/// strict-mode rule cases of ``StrictJSONSchemaTests``, and 2 000 random schemas
/// (``RandomSchemaCorpus``) with our strict form or refusal. Without it the suite checks that the
/// corpus is complete and that strict forms are fixed points.
@Suite("Tool schema interop corpus")
struct ToolSchemaInteropTests {
    static var handoffTargets: [HandoffTarget] {
        [
            HandoffTarget(agentName: "Refund Agent", handoffDescription: "Handles refunds and chargebacks."),
            HandoffTarget(agentName: "BillingBot", input: .packet),
        ]
    }

    /// Random schemas converted for the differential check.
    static let randomSchemaCount = 2_000

    /// File name → document.
    static func corpus() throws -> [String: JSONValue] {
        let tools = FrameworkToolEncoderTests.allTools
        var documents: [String: JSONValue] = [:]
        for api in OpenAIToolEncoder.API.allCases {
            let encoder = OpenAIToolEncoder(api: api)
            let functions = ToolDefinition.generated.map { tool -> JSONValue in
                let encoded = encoder.encode(tool)
                return ["kind": "function", "source_schema": tool.inputSchema, "strict": .bool(encoded.strict ?? false), "tool": encoded.json]
            }
            var handoffs: [JSONValue] = []
            for target in handoffTargets {
                let encoded = try encoder.handoffTool(target)
                handoffs.append(["kind": "handoff", "source_schema": target.input.schema, "strict": true, "tool": encoded.json])
            }
            documents["openai_\(api.rawValue).json"] = .array(functions + handoffs)
        }
        let nullable = OpenAIToolEncoder(api: .responses, optionalFields: .nullable)
        documents["openai_responses_nullable.json"] = .array(ToolDefinition.generated.map { tool -> JSONValue in
            let encoded = nullable.encode(tool)
            let source = encoded.strict == true ? NullableOptionalFields.apply(tool.inputSchema) : tool.inputSchema
            return ["kind": "function", "source_schema": source, "strict": .bool(encoded.strict ?? false), "tool": encoded.json]
        })
        let langChain = LangChainToolEncoder()
        documents["langchain.json"] = .array(try tools.map { tool in
            ["tool": langChain.encode(tool).json, "tool_call_schema": langChain.toolCallSchema(tool), "openai_tool": try langChain.openAITool(tool).json]
        })
        documents["crewai.json"] = .array(tools.map { CrewAIToolEncoder().encode($0).json })
        for version in VercelAIToolEncoder.Version.allCases {
            documents["vercel_\(version.rawValue).json"] = VercelAIToolEncoder(version: version).toolSet(tools)
        }
        for backend in GoogleADKToolEncoder.Backend.allCases {
            let encoder = GoogleADKToolEncoder(backend: backend)
            documents["google_adk_\(backend.rawValue).json"] = .array(
                tools.map { encoder.encode($0).json } + [encoder.transferToAgentDeclaration(agentNames: ["billing_agent", "root_agent"]).json])
        }
        var random = RandomSchemaCorpus(seed: 20_261_122)
        documents["strict_differential.json"] = .array(random.schemas(Self.randomSchemaCount).map { input in
            do { return ["input": input, "strict": try StrictJSONSchema.convert(input)] } catch {
                return ["input": input, "refused": .string("\(error)")]
            }
        })
        documents["strict_cases.json"] = [
            "conversions": .array(StrictJSONSchemaTests.conversions.map { ["rule": .string($0.rule), "input": $0.input, "expected": $0.expected] }),
            "refusals": .array(StrictJSONSchemaTests.refusals.map { ["rule": .string($0.0), "input": $0.1] }),
        ]
        return documents
    }

    @Test("corpus: every tool through every encoder; exported when HANDOFFRAIL_AGENTS_EXPORT is set")
    func export() throws {
        let documents = try Self.corpus()
        let toolCount = ToolSpec.generated.count + Self.handoffTargets.count
        #expect(documents.count == 11)
        for (name, document) in documents where !name.hasPrefix("strict_") {
            let count = document.arrayValue?.count ?? document.objectValue?.count ?? 0
            let expected = name == "openai_responses_nullable.json" ? ToolSpec.generated.count : toolCount
            #expect(count == expected + (name.hasPrefix("google_adk") ? 1 : 0), "\(name)")
        }
        let random = try #require(documents["strict_differential.json"]?.arrayValue)
        let converted = random.compactMap { $0["strict"] }
        #expect(converted.count > Self.randomSchemaCount / 4 && converted.count < Self.randomSchemaCount * 3 / 4, "both outcomes covered")
        for schema in converted {
            #expect(try StrictJSONSchema.convert(schema) == schema, "a strict schema is a fixed point")
        }
        guard let directory = ProcessInfo.processInfo.environment["HANDOFFRAIL_AGENTS_EXPORT"] else { return }
        let tools = URL(fileURLWithPath: directory).appendingPathComponent("tools")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        for (name, document) in documents {
            try document.serializedData(sortedKeys: true).write(to: tools.appendingPathComponent(name))
        }
    }
}
