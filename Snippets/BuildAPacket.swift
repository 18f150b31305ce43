// Build a handoff packet fluently or with the result-builder DSL, and check it the way the
// server will before sending it.

// snippet.hide
import Foundation
import HandoffRailClient
import HandoffRailModels

// snippet.show
// snippet.fluent
let fluent = try PacketBuilder()
    .from("triage-01", name: "Triage", framework: "langchain")
    .to("billing-01", name: "Billing")
    .summary("Customer asks for a refund of invoice INV-1042 (charged twice)")
    .priority(.high)
    .tags("billing", "refund")
    .turn(.user, "I was charged twice for INV-1042.")
    .artifact("invoice", ["id": "INV-1042", "amount": 42.5, "currency": "EUR"], contentType: "application/json")
    .decision(id: "d1", "Refund one charge", rationale: "The payment log shows a duplicate capture")
    .pendingAction(id: "a1", "Refund 42.50 EUR", assignee: "billing-01", priority: .high)
    .build()
// snippet.end

// snippet.dsl
let needsApproval = true
let dsl = try PacketBuilder {
    From("triage-01", name: "Triage", framework: "langchain")
    To("billing-01", name: "Billing")
    Summary("Customer asks for a refund of invoice INV-1042 (charged twice)")
    Priority.high
    Tags("billing", "refund")
    ContextEntry(role: .user, content: "I was charged twice for INV-1042.")
    Custom(["ticket": "T-1042"])
    if needsApproval {
        HitlCheckpoint(reason: "Refunds need a supervisor", question: "Approve the refund?", options: ["approve", "reject"])
    }
}.build()
// snippet.end

// snippet.validation
do {
    _ = try PacketBuilder().summary("").build()
} catch let error as HandoffRailError where error.kind == .validation {
    for issue in error.validationIssues {
        print(issue.locationPath, issue.type, issue.msg)
    }
    // body.context.summary string_too_short String should have at least 1 character
    // body.metadata.source_agent missing Field required
    // body.metadata.target_agent missing Field required
}
// snippet.end
// snippet.hide
print(fluent.metadata.priority, dsl.hitl?.reason ?? "")
