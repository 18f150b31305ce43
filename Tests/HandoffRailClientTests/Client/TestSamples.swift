import Foundation
import HandoffRailModels

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Sample request bodies.
enum Samples {
    static func packet(summary: String = "Customer asks for a refund of invoice INV-1042", source: String = "triage-01",
                       target: String = "billing-01", tags: [String] = ["billing", "refund"], hitl: HitlCheckpoint? = nil) -> PacketCreate {
        PacketCreate(
            metadata: Metadata(
                sourceAgent: AgentInfo(id: source, name: "Triage"),
                targetAgent: TargetAgentInfo(id: target, name: "Billing"),
                priority: .high, tags: tags),
            context: PacketContext(summary: summary, conversationState: [ContextEntry(role: .user, content: "I was charged twice.")]),
            hitl: hitl)
    }

    /// `packet` as the JSON object a batch create carries.
    static func batchItem(_ packet: PacketCreate) throws -> [String: JSONValue] {
        guard case .object(let object) = try JSONValue(parsing: HandoffRailJSON.encode(packet)) else { throw TestFailure("not an object") }
        return object
    }
}
