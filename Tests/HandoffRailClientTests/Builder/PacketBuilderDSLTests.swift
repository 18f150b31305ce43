import Foundation
import HandoffRailModels
import Testing
@testable import HandoffRailClient

/// The result-builder DSL and the fluent methods build the same packet.
@Suite("Packet builder DSL")
struct PacketBuilderDSLTests {
    static let parentID = UUID(uuidString: "5F0C2A9E-1B7D-4C1E-9A53-0D2B8E6F4A11")!
    static let schemaID = UUID(uuidString: "0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9")!
    static let noon = Date(timeIntervalSince1970: 1_795_000_000)

    /// Every section, fluently.
    static let fluentFull = PacketBuilder()
        .from("triage-01", name: "Triage", framework: "langchain", version: "1.2")
        .to("billing-01", name: "Billing", framework: "crewai")
        .summary("Customer asks for a refund of invoice INV-1042")
        .createdAt(noon)
        .priority(.high)
        .tags("billing", "refund")
        .turn(.user, "I was charged twice.", at: noon)
        .turn(.agent, "Checking the invoice.")
        .artifact("invoice", ["id": "INV-1042", "amount": 42.5], contentType: "application/json")
        .artifact(Artifact(key: "notes", value: .string("polite")))
        .custom(["ticket": "T-1042", "attempts": 2])
        .decision(id: "d1", "Refund in full", rationale: "Duplicate charge", alternatives: ["Partial"])
        .pendingAction(id: "a1", "Issue the refund", assignee: "billing-01", priority: .high, dependsOn: ["dep1"])
        .completedAction(id: "a0", "Looked up the invoice", result: "Charged twice")
        .failedAction(id: "a2", "Automatic refund", error: "Gateway timeout", retriesRemaining: 1)
        .dependency(id: "dep1", type: .api, "Payments gateway", status: .available)
        .hitl(reason: "Refund above 500 EUR", question: "Approve?", options: ["approve", "reject"], timeoutSeconds: 3600)

    /// Every section, with the DSL.
    static let dslFull = PacketBuilder {
        From("triage-01", name: "Triage", framework: "langchain", version: "1.2")
        To("billing-01", name: "Billing", framework: "crewai")
        Summary("Customer asks for a refund of invoice INV-1042")
        CreatedAt(noon)
        Priority.high
        Tags("billing", "refund")
        ContextEntry(role: .user, content: "I was charged twice.", timestamp: noon)
        ContextEntry(role: .agent, content: "Checking the invoice.")
        JSONArtifact("invoice", ["id": "INV-1042", "amount": 42.5], contentType: "application/json")
        Artifact(key: "notes", value: .string("polite"))
        Custom(["ticket": "T-1042", "attempts": 2])
        Decision(id: "d1", decision: "Refund in full", rationale: "Duplicate charge", alternatives: ["Partial"])
        PendingAction(id: "a1", description: "Issue the refund", assignee: "billing-01", priority: .high, dependsOn: ["dep1"])
        CompletedAction(id: "a0", description: "Looked up the invoice", result: "Charged twice")
        FailedAction(id: "a2", description: "Automatic refund", error: "Gateway timeout", retriesRemaining: 1)
        Dependency(id: "dep1", type: .api, description: "Payments gateway", status: .available)
        HitlCheckpoint(reason: "Refund above 500 EUR", question: "Approve?", options: ["approve", "reject"], timeoutSeconds: 3600)
    }

    @Test("the DSL and the fluent form give equal builders, packets and JSON")
    func fluentAndDSLAgree() throws {
        #expect(Self.dslFull == Self.fluentFull)
        let fluent = try Self.fluentFull.parent(Self.parentID).customSchema(Self.schemaID).build()
        let dsl = try Self.dslFull.adding(Parent(Self.parentID)).adding(CustomSchema(Self.schemaID)).build()
        #expect(dsl == fluent)
        #expect(try JSONValueEncoder().encode(dsl) == JSONValueEncoder().encode(fluent))
        #expect(try Self.dslFull.buildChainRequest() == Self.fluentFull.buildChainRequest())
    }

    @Test("if, if let, if/else, switch and for work inside the DSL")
    func controlFlow() throws {
        let transcript = ["I was charged twice.", "Please refund one charge."]
        let approver: String? = "finance-lead"
        let urgent = false
        let channel = "email"
        let create = try PacketBuilder {
            From("triage-01", name: "Triage")
            To("billing-01", name: "Billing")
            Summary("Refund request")
            for line in transcript {
                ContextEntry(role: .user, content: line)
            }
            if urgent {
                Priority.critical
            } else {
                Priority.low
            }
            if let approver {
                HitlCheckpoint(reason: "Needs \(approver)")
            }
            if urgent {
                Tags("urgent")
            }
            switch channel {
            case "email": Tags("email")
            default: Tags("other")
            }
        }.build()
        #expect(create.context.conversationState.map(\.content) == transcript)
        #expect(create.metadata.priority == .low)
        #expect(create.hitl?.reason == "Needs finance-lead")
        #expect(create.metadata.tags == ["email"])
    }

    /// A reusable group of sections.
    struct RefundEscalation: PacketComponent {
        var amount: String
        func apply(to packet: inout PacketBuilder) {
            packet = packet.priority(.critical).tags("refund", "escalated")
                .hitl(reason: "Refund of \(amount) needs approval", options: ["approve", "reject"])
        }
    }

    @Test("custom components compose sections; later single values replace earlier ones")
    func customComponent() throws {
        let create = try PacketBuilder {
            From("triage-01", name: "Triage")
            To("billing-01", name: "Billing")
            Summary("draft")
            Summary("Refund request")
            Priority.low
            RefundEscalation(amount: "900 EUR")
        }.build()
        #expect(create.context.summary == "Refund request")
        #expect(create.metadata.priority == .critical)
        #expect(create.metadata.tags == ["refund", "escalated"])
        #expect(create.hitl == HitlCheckpoint(reason: "Refund of 900 EUR needs approval", options: ["approve", "reject"]))
    }
}
