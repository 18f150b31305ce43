import HandoffRailAgents
import HandoffRailModels
import Testing

/// The generated tool specs: names, identity fields removed, self-contained schemas.
@Suite("Generated tools")
struct GeneratedToolsTests {
    @Test("every operation agents use is a tool")
    func toolNames() {
        let names = Set(ToolSpec.generated.map(\.name))
        #expect(names == [
            "handoffrail_create_packet", "handoffrail_get_packet", "handoffrail_list_packets",
            "handoffrail_claim_packet", "handoffrail_update_packet", "handoffrail_respond_to_packet",
            "handoffrail_get_packet_history", "handoffrail_chain_packet",
        ])
    }

    @Test("identity fields are filled by the caller, never offered to the model")
    func identityRemoved() throws {
        let claim = ToolSpec.claimPacket
        let properties = try #require(claim.inputSchema["properties"]?.objectValue)
        #expect(properties["agent_id"] == nil)
        #expect(properties["agent_name"] == nil)
        #expect(properties["packet_id"] != nil)
        #expect(claim.bindings["packet_id"] == .path("packet_id"))
        let create = ToolSpec.createPacket
        let metadata = try #require(create.inputSchema["properties"]?["metadata"]?["properties"]?.objectValue)
        #expect(metadata["source_agent"] == nil)
        #expect(metadata["target_agent"] != nil)
        #expect(create.inputSchema["properties"]?["metadata"]?["required"]?.arrayValue?.contains("source_agent") == false)
    }

    @Test("schemas are self-contained: no $ref left")
    func noReferences() {
        for tool in ToolSpec.generated {
            #expect(!containsReference(tool.inputSchema), "\(tool.name) input")
            #expect(!containsReference(tool.outputSchema), "\(tool.name) output")
        }
    }

    private func containsReference(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let members): return members["$ref"] != nil || members.values.contains(where: containsReference)
        case .array(let items): return items.contains(where: containsReference)
        default: return false
        }
    }
}
