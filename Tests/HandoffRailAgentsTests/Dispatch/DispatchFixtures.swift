import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import Testing

/// Identities and model-like arguments shared by the dispatcher tests.
enum DispatchFixtures {
    static let triage = AgentIdentity(id: "triage-1", name: "Triage", framework: .openAIAgents, version: "2.1")
    static let billing = AgentIdentity(id: "billing-01", name: "Billing", framework: .langChain)

    /// A tag unique to one test, so list calls see only that test's packets.
    static func uniqueTag(_ label: String) -> String { "\(label)-\(UUID().uuidString.prefix(8).lowercased())" }

    /// Create arguments as a model writes them: OpenAI strict mode's `null` for every
    /// optional field, and a `source_agent` of its own invention (which must be ignored).
    static func createArguments(tag: String, summary: String = "Customer was charged twice for order A-17; refund the duplicate.", hitl: JSONValue = .null) -> JSONValue {
        [
            "parent_packet_id": .null,
            "schema_id": .null,
            "metadata": [
                "source_agent": ["id": "ceo", "name": "Mallory the CEO", "framework": "crewai"],
                "target_agent": ["id": "billing-01", "name": "Billing", "framework": .null],
                "priority": "high",
                "tags": [.string(tag), "refund"],
                "created_at": .null,
            ],
            "context": [
                "summary": .string(summary),
                "conversation_state": [["role": "user", "content": "I was charged twice for order A-17.", "timestamp": .null, "metadata": .null]],
                "artifacts": [["key": "order", "value": ["order_id": "A-17", "charges": 2], "content_type": "application/json"]],
                "custom": ["ticket": "T-1042"],
            ],
            "decisions": [["id": "d1", "decision": "Refund the duplicate charge", "rationale": "The charge appears twice on the statement."]],
            "actions": .null,
            "dependencies": .null,
            "hitl": hitl,
        ]
    }

    /// `packet[path…]` as a string, or `nil`.
    static func string(_ value: JSONValue, _ path: String...) -> String? {
        var current: JSONValue? = value
        for key in path { current = current?[key] }
        return current?.stringValue
    }

    /// Checks `result` against the tool's generated output schema.
    static func expectMatchesOutputSchema(_ result: JSONValue, of tool: ToolSpec, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let validator = try JSONSchemaValidator(schema: tool.outputSchema)
        let issues = validator.validate(result)
        #expect(issues.isEmpty, "\(tool.name) result does not match its output schema: \(issues.prefix(3))", sourceLocation: sourceLocation)
    }
}

/// A transport that forwards every request to `base` but reports the first `createPacket`
/// as lost after the server has processed it — what a dropped connection looks like.
struct LosingFirstCreateTransport: HandoffRailTransport {
    let base: any HandoffRailTransport
    let state = AttemptRecorder()

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        let response = try await base.send(request)
        guard request.operationID == "createPacket" else { return response }
        let attempt = await state.record(request.headers["Idempotency-Key"])
        if attempt == 1 { throw URLError(.networkConnectionLost) }
        return response
    }
}

/// The idempotency keys of the create attempts a transport saw.
actor AttemptRecorder {
    private(set) var keys: [String?] = []

    func record(_ key: String?) -> Int {
        keys.append(key)
        return keys.count
    }
}
