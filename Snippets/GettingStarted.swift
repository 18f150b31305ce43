// An agent's round trip with HandoffRail: connect, hand a packet over, claim it, complete
// it, list what is waiting, handle errors and follow live events.

// snippet.hide
import Foundation
import HandoffRailClient
import HandoffRailModels

func handle(_ packet: Packet) async throws {}

// snippet.show
// snippet.connect
let serverURL = URL(string: ProcessInfo.processInfo.environment["HANDOFFRAIL_URL"] ?? "http://127.0.0.1:8080")!
let client = HandoffRailClient(
    baseURL: serverURL,
    apiKey: ProcessInfo.processInfo.environment["HANDOFFRAIL_API_KEY"],
    configuration: HandoffRailClientConfiguration(timeout: 10, maxRetries: 3))
// snippet.end

// snippet.create
let packet = try await client.createPacket(
    PacketBuilder()
        .from("triage-01", name: "Triage")
        .to("billing-01", name: "Billing")
        .summary("Customer asks for a refund of invoice INV-1042 (charged twice)")
        .priority(.high)
        .turn(.user, "I was charged twice for INV-1042.")
        .build())
print("created", packet.id, packet.status)   // created … created
// snippet.end

// snippet.claim
let claimed = try await client.claim(packet.id, agentID: "billing-01", agentName: "Billing")
_ = try await client.start(claimed.id)   // in_progress
// snippet.end

// snippet.complete
let refund = Decision(id: "refund", decision: "Refunded 42.50 EUR", rationale: "Duplicate capture confirmed")
let completed = try await client.complete(claimed.id, decisions: [refund])
print(completed.status)   // completed
// snippet.end

// snippet.fail
// When the work cannot be done, say why; the reason is recorded as a decision.
// _ = try await client.fail(claimed.id, reason: "Payment gateway unreachable")
// snippet.end

// snippet.list
for try await waiting in client.packets(status: [.created], targetAgent: "billing-01", pageSize: 100) {
    try await handle(waiting)
}
// snippet.end

// snippet.errors
do {
    _ = try await client.claim(packet.id, agentID: "billing-02", agentName: "Billing 2")
} catch let error as HandoffRailError {
    switch error.kind {
    case .conflict:
        print("already claimed by", error.claimant?.id ?? "another agent")
    case .validation:
        for issue in error.validationIssues { print(issue.locationPath, issue.msg) }
    case .rateLimited:
        print("retry after", error.retryAfter ?? 1, "s")
    case .authentication, .permission:
        print("check the API key:", error)   // the key itself is never printed
    default:
        print(error)
    }
}
// snippet.end

// snippet.events
for try await event in client.events(subscribe: [.status(.created), .agent("billing-01")]) {
    print(event.type, event.packetID)
    if event.type == .packetCreated { break }
}
// snippet.end

// snippet.human
let approval = try await client.createPacket(
    PacketBuilder()
        .from("billing-01", name: "Billing").to("billing-01", name: "Billing")
        .summary("Refund of 900 EUR for INV-2001 needs a supervisor")
        .hitl(reason: "Refunds above 500 EUR need approval", question: "Approve?", options: ["approve", "reject"])
        .build())
let answered = try await client.waitForHumanResponse(packetID: approval.id, timeout: .seconds(3600))
print("human said", answered.hitl?.response ?? "nothing")
// snippet.end
