import Foundation
import HandoffRailModels
import Testing

/// `packets create --file packet.yaml` creates exactly the packet the YAML describes:
/// integers stay integers, `0.75` a double, quoted `"0042"` a string.
@Suite("YAML input", .serialized)
struct YAMLInputTests {
    static let yaml = """
        # a packet in YAML
        metadata:
          source_agent: {id: planner, name: Planner}
          target_agent:
            id: billing-01
            name: "Billing"
          priority: high
          tags: [refunds, "2026"]
        context:
          summary: Refund order 1042
          custom:
            attempts: 2
            score: 0.75
            code: "0042"
        """

    @Test("a YAML packet file creates the packet it describes")
    func createFromYAML() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("packet.yaml")
        try Data(Self.yaml.utf8).write(to: file)
        try await HandoffRailServerProcess.withServer { server in
            let result = try await CLI.run(["packets", "create", "--file", file.path, "--format", "json"], server: server)
            #expect(result.status == 0, "\(result)")
            let packet = try result.decode(Packet.self)
            #expect(packet.context.summary == "Refund order 1042")
            #expect(packet.metadata.priority == .high)
            #expect(packet.metadata.tags == ["refunds", "2026"])
            #expect(packet.context.custom == ["attempts": .integer(2), "score": .number(0.75), "code": "0042"])
        }
    }
}
