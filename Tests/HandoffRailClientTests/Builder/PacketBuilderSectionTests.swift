import Foundation
import HandoffRailModels
import Testing
@testable import HandoffRailClient

/// Each section the builder offers lands in the `PacketCreate` JSON where the spec puts it.
@Suite("Packet builder sections")
struct PacketBuilderSectionTests {
    /// 2026-11-18T11:06:40Z.
    static let noon = Date(timeIntervalSince1970: 1_795_000_000)
    /// 2026-11-18T12:06:40Z.
    static let oneHourLater = Date(timeIntervalSince1970: 1_795_003_600)

    static let minimal = PacketBuilder()
        .from("triage-01", name: "Triage")
        .to("billing-01", name: "Billing")
        .summary("Customer asks for a refund")

    /// The wire JSON of the built `PacketCreate`.
    static func wire(_ builder: PacketBuilder) throws -> JSONValue {
        try JSONValue(parsing: HandoffRailJSON.encode(try builder.build()))
    }

    @Test("a minimal packet carries agents, summary and the schema's defaults")
    func minimalPacket() throws {
        let expected: JSONValue = [
            "parent_packet_id": nil,
            "metadata": [
                "source_agent": ["id": "triage-01", "name": "Triage", "framework": nil, "version": nil],
                "target_agent": ["id": "billing-01", "name": "Billing", "framework": nil],
                "claimed_at": nil, "completed_at": nil, "priority": "normal", "tags": [],
            ],
            "context": ["summary": "Customer asks for a refund", "conversation_state": [], "artifacts": [], "custom": [:]],
            "decisions": [],
            "dependencies": [],
            "hitl": nil,
            "schema_id": nil,
        ]
        #expect(try Self.wire(Self.minimal) == expected)
    }

    @Test("metadata: agents with framework and version, created_at, priority, tags in order")
    func metadata() throws {
        let builder = PacketBuilder()
            .from("triage-01", name: "Triage", framework: "langchain", version: "1.2")
            .to("billing-01", name: "Billing", framework: "crewai")
            .summary("s").createdAt(Self.noon).priority(.critical)
            .tags("billing", "refund").tags(["vip"])
        let metadata = try #require(try Self.wire(builder)["metadata"])
        #expect(metadata["source_agent"] == ["id": "triage-01", "name": "Triage", "framework": "langchain", "version": "1.2"])
        #expect(metadata["target_agent"] == ["id": "billing-01", "name": "Billing", "framework": "crewai"])
        #expect(metadata["created_at"] == "2026-11-18T11:06:40Z")
        #expect(metadata["priority"] == "critical")
        #expect(metadata["tags"] == ["billing", "refund", "vip"])
    }

    @Test("conversation turns keep their order, timestamps and metadata")
    func conversation() throws {
        let builder = Self.minimal
            .turn(.user, "I was charged twice.", at: Self.noon, metadata: ["channel": "email"])
            .turn(ContextEntry(role: .agent, content: "Checking the invoice."))
        let turns = try #require(try Self.wire(builder)["context"]?["conversation_state"])
        #expect(turns == [
            ["role": "user", "content": "I was charged twice.", "timestamp": "2026-11-18T11:06:40Z", "metadata": ["channel": "email"]],
            ["role": "agent", "content": "Checking the invoice.", "timestamp": nil, "metadata": nil],
        ])
    }

    @Test("artifacts hold string, object and array values, typed or as JSON")
    func artifacts() throws {
        let builder = Self.minimal
            .artifact("notes", "Customer was polite", contentType: "text/plain")
            .artifact("invoice", ["id": "INV-1042", "amount": 42.5, "lines": 2])
            .artifact("refunds", [["id": "R-1"], "pending"])
            .artifact(Artifact(key: "typed", value: .object(["ok": true]), contentType: "application/json"))
        let artifacts = try #require(try Self.wire(builder)["context"]?["artifacts"])
        #expect(artifacts == [
            ["key": "notes", "value": "Customer was polite", "content_type": "text/plain"],
            ["key": "invoice", "value": ["id": "INV-1042", "amount": 42.5, "lines": 2], "content_type": nil],
            ["key": "refunds", "value": [["id": "R-1"], "pending"], "content_type": nil],
            ["key": "typed", "value": ["ok": true], "content_type": "application/json"],
        ])
        let built = try Self.minimal.artifact("invoice", ["amount": 42.5]).build()
        #expect(built.context.artifacts.first?.value == .object(["amount": .number(42.5)]))
    }

    @Test("custom merges members, later values win, 2.0 stays a double")
    func custom() throws {
        let builder = Self.minimal.custom("ticket", "T-1").custom(["ticket": "T-1042", "score": 2.0, "attempts": 2])
        let custom = try #require(try Self.wire(builder)["context"]?["custom"])
        #expect(custom == ["ticket": "T-1042", "score": .number(2.0), "attempts": .integer(2)])
        let bytes = String(decoding: try HandoffRailJSON.encode(try builder.build()), as: UTF8.self)
        #expect(bytes.contains("\"score\":2.0"))
    }

    @Test("decisions with alternatives, decider and time")
    func decisions() throws {
        let builder = Self.minimal
            .decision(id: "d1", "Refund in full", rationale: "Duplicate charge", alternatives: ["Partial"], decidedBy: "triage-01", at: Self.noon)
            .decision(Decision(id: "d2", decision: "Notify", rationale: "Policy"))
        #expect(try Self.wire(builder)["decisions"] == [
            ["id": "d1", "decision": "Refund in full", "rationale": "Duplicate charge", "alternatives": ["Partial"],
             "decided_by": "triage-01", "timestamp": "2026-11-18T11:06:40Z"],
            ["id": "d2", "decision": "Notify", "rationale": "Policy", "alternatives": [], "decided_by": nil, "timestamp": nil],
        ])
    }

    @Test("pending, completed and failed actions fill their own sections; none means no actions member")
    func actions() throws {
        #expect(try Self.wire(Self.minimal)["actions"] == nil)
        let builder = Self.minimal
            .pendingAction(id: "a1", "Issue the refund", assignee: "billing-01", priority: .high, dependsOn: ["dep1"], deadline: Self.oneHourLater)
            .completedAction(id: "a0", "Looked up the invoice", result: "Charged twice", completedBy: "triage-01", completedAt: Self.noon)
            .failedAction(id: "a2", "Automatic refund", error: "Gateway timeout", retriesRemaining: 2)
        #expect(try Self.wire(builder)["actions"] == [
            "pending": [["id": "a1", "description": "Issue the refund", "assignee": "billing-01", "priority": "high",
                         "depends_on": ["dep1"], "deadline": "2026-11-18T12:06:40Z"]],
            "completed": [["id": "a0", "description": "Looked up the invoice", "result": "Charged twice",
                           "completed_by": "triage-01", "completed_at": "2026-11-18T11:06:40Z"]],
            "failed": [["id": "a2", "description": "Automatic refund", "error": "Gateway timeout", "retries_remaining": 2]],
        ])
    }

    @Test("dependencies with type, status (unknown by default) and source")
    func dependencies() throws {
        let builder = Self.minimal
            .dependency(id: "dep1", type: .api, "Payments gateway", status: .available, source: "https://pay.example")
            .dependency(id: "dep2", type: .humanApproval, "Manager sign-off")
        #expect(try Self.wire(builder)["dependencies"] == [
            ["id": "dep1", "type": "api", "description": "Payments gateway", "status": "available", "source": "https://pay.example"],
            ["id": "dep2", "type": "human_approval", "description": "Manager sign-off", "status": "unknown", "source": nil],
        ])
    }

    @Test("the HITL checkpoint, required by default; a later one replaces an earlier one")
    func hitl() throws {
        let builder = Self.minimal
            .hitl(reason: "first")
            .hitl(reason: "Refund above 500 EUR", question: "Approve?", options: ["approve", "reject"], timeoutSeconds: 3600)
        let hitl = try #require(try Self.wire(builder)["hitl"])
        #expect(hitl["required"] == true)
        #expect(hitl["reason"] == "Refund above 500 EUR")
        #expect(hitl["question"] == "Approve?")
        #expect(hitl["options"] == ["approve", "reject"])
        #expect(hitl["timeout_seconds"] == 3600)
        #expect(try Self.wire(Self.minimal.hitl(reason: "FYI", required: false))["hitl"]?["required"] == false)
    }

    @Test("parent and schema ids are written lowercase")
    func references() throws {
        let parent = UUID(uuidString: "5F0C2A9E-1B7D-4C1E-9A53-0D2B8E6F4A11")!
        let schema = UUID(uuidString: "0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9")!
        let json = try Self.wire(Self.minimal.parent(parent).customSchema(schema))
        #expect(json["parent_packet_id"] == "5f0c2a9e-1b7d-4c1e-9a53-0d2b8e6f4a11")
        #expect(json["schema_id"] == "0a1b2c3d-4e5f-4061-8293-a4b5c6d7e8f9")
    }

    @Test("the JSON that is validated is exactly the JSON the built packet encodes to")
    func validatedJSONIsSentJSON() throws {
        let full = PacketBuilderDSLTests.fluentFull
        #expect(try full.createJSON() == JSONValueEncoder().encode(try full.build()))
    }

    @Test("a chain request carries the same sections as a create, without parent and schema")
    func chainRequest() throws {
        let full = PacketBuilderDSLTests.fluentFull
        let create = try full.build()
        let chain = try full.buildChainRequest()
        #expect(chain.metadata == create.metadata)
        #expect(chain.context == create.context)
        #expect(chain.decisions == create.decisions)
        #expect(chain.actions == create.actions)
        #expect(chain.dependencies == create.dependencies)
        #expect(chain.hitl == create.hitl)
        let json = try JSONValueEncoder().encode(chain)
        #expect(json["parent_packet_id"] == nil && json["schema_id"] == nil)
        #expect(json == (try full.chainJSON()))
    }
}
