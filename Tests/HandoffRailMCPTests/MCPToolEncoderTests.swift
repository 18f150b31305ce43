import Foundation
import HandoffRailAgents
import HandoffRailModels
import MCP
import Testing

/// `MCPToolEncoder`: every generated tool as an MCP `Tool`, compared with the specification's
/// own example and decoded by the MCP SDK.
@Suite struct MCPToolEncoderTests {
    /// The hints each generated tool must carry: (readOnly, destructive, idempotent); the last
    /// two are absent for read-only tools.
    static let expectedHints: [String: (readOnly: Bool, destructive: Bool?, idempotent: Bool?)] = [
        "handoffrail_list_packets": (true, nil, nil),
        "handoffrail_create_packet": (false, false, false),
        "handoffrail_get_packet": (true, nil, nil),
        "handoffrail_update_packet": (false, true, false),
        "handoffrail_claim_packet": (false, false, true),
        "handoffrail_respond_to_packet": (false, false, true),
        "handoffrail_get_packet_history": (true, nil, nil),
        "handoffrail_chain_packet": (false, false, false),
    ]

    static let expectedTitles: [String: String] = [
        "handoffrail_list_packets": "List packets",
        "handoffrail_create_packet": "Create packet",
        "handoffrail_get_packet": "Get packet",
        "handoffrail_update_packet": "Update packet",
        "handoffrail_claim_packet": "Claim packet",
        "handoffrail_respond_to_packet": "Respond to packet",
        "handoffrail_get_packet_history": "Get packet history",
        "handoffrail_chain_packet": "Chain packet",
    ]

    @Test func everyGeneratedToolCarriesItsSpecVerbatim() throws {
        #expect(ToolSpec.generated.count == Self.expectedHints.count)
        for spec in ToolSpec.generated {
            let tool = MCPToolEncoder.encode(spec)
            #expect(tool["name"] == .string(spec.name))
            #expect(tool["description"] == .string(spec.description))
            #expect(tool["inputSchema"] == spec.inputSchema)
            #expect(tool["inputSchema"]?["type"] == "object", "\(spec.name): MCP requires an object input schema")
            #expect(tool["outputSchema"] == spec.outputSchema, "\(spec.name): every generated result is an object")
            #expect(tool["title"] == .string(try #require(Self.expectedTitles[spec.name])))
        }
    }

    @Test func annotationsFollowTheOperation() throws {
        for spec in ToolSpec.generated {
            let expected = try #require(Self.expectedHints[spec.name], "no expectation for \(spec.name)")
            let annotations = try #require(MCPToolEncoder.encode(spec)["annotations"])
            #expect(annotations["readOnlyHint"] == .bool(expected.readOnly), "\(spec.name)")
            #expect(annotations["destructiveHint"] == expected.destructive.map(JSONValue.bool), "\(spec.name)")
            #expect(annotations["idempotentHint"] == expected.idempotent.map(JSONValue.bool), "\(spec.name)")
            #expect(annotations["openWorldHint"] == false, "\(spec.name)")
        }
    }

    @Test func aToolWhoseResultIsNotAnObjectHasNoOutputSchema() {
        var spec = ToolSpec.listPackets
        spec.outputSchema = ["type": "array", "items": ["type": "string"]]
        #expect(MCPToolEncoder.encode(spec).objectValue?.keys.contains("outputSchema") == false)
        #expect(MCPToolEncoder.outputSchema(for: spec) == nil)
        spec.outputSchema = ["type": ["object", "null"]]
        #expect(MCPToolEncoder.outputSchema(for: spec) == nil, "MCP types outputSchema.type as the literal \"object\"")
    }

    @Test func writeMethodsWithoutAnOverrideFollowHTTP() {
        var spec = ToolSpec.updatePacket
        spec.method = "DELETE"
        spec.operationID = "deletePacket"
        #expect(MCPToolEncoder.encode(spec)["annotations"] == [
            "readOnlyHint": false, "destructiveHint": true, "idempotentHint": true, "openWorldHint": false,
        ])
        #expect(MCPToolEncoder.title(for: spec) == "Delete packet")
    }

    @Test func aHandoffToolHasNameDescriptionAndInputSchemaOnly() throws {
        let definition = ToolDefinition(handoffTo: HandoffTarget(agentName: "Refund Agent", handoffDescription: "Handles refunds."))
        let encoded = MCPToolEncoder.encode(definition)
        #expect(encoded.name == "transfer_to_refund_agent")
        #expect(encoded.json == [
            "name": .string(definition.name), "description": .string(definition.description), "inputSchema": definition.inputSchema,
        ])
        #expect(encoded.dropped.isEmpty && encoded.strict == nil)
        let decoded = try JSONDecoder().decode(Tool.self, from: encoded.json.serializedData())
        #expect(decoded.outputSchema == nil && decoded.annotations.isEmpty)
    }

    /// Our tools use only members the specification's `Tool` example uses, with the same JSON
    /// types, and the MCP SDK decodes both the example and ours.
    @Test func shapeMatchesTheSpecificationExample() throws {
        let sample = try MCPFixtures.json("mcp_tools_2025-11-25.json")
        let example = try #require(sample["listResponse"]?["result"]?["tools"]?[0]?.objectValue)
        let specificationMembers: Set<String> = Set(example.keys).union(["outputSchema", "annotations", "_meta"])
        for spec in ToolSpec.generated {
            let tool = try #require(MCPToolEncoder.encode(spec).objectValue)
            #expect(Set(tool.keys).isSubset(of: specificationMembers), "\(spec.name): \(tool.keys.sorted())")
            for key in ["name", "title", "description", "inputSchema"] {
                #expect(tool[key]?.kind == example[key]?.kind, "\(spec.name).\(key)")
            }
            let decoded = try JSONDecoder().decode(Tool.self, from: JSONValue.object(tool).serializedData())
            #expect(decoded.name == spec.name)
            #expect(decoded.annotations.readOnlyHint == (spec.method == "GET"))
        }
        let decodedExample = try JSONDecoder().decode(Tool.self, from: JSONValue.object(example).serializedData())
        #expect(decodedExample.title == "Weather Information Provider")
    }
}

/// Reads the samples in `Fixtures/` next to this file.
enum MCPFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func json(_ name: String) throws -> JSONValue {
        try JSONValue(parsing: Data(contentsOf: directory.appendingPathComponent(name)))
    }
}
