import Foundation
import HandoffRailModels
@testable import HandoffRailService
import Testing

/// The rule semantics as data: packet JSON + comparison → holds?, and packet + rules → winner.
@Suite("Handoff rule evaluation (pure)")
struct RuleEvaluatorTests {
    /// A packet's wire JSON, small but shaped like the real one.
    static let packet: JSONValue = try! JSONValue(parsing: """
        {"id": "6d1e1c3a-7f1b-4a35-9c51-1f2b8f6f0a01", "status": "created",
         "metadata": {"source_agent": {"id": "triage", "name": "Triage", "framework": null},
                      "target_agent": {"id": "billing", "name": "Billing"},
                      "priority": "high", "tags": ["billing", "vip"]},
         "context": {"summary": "Refund for invoice INV-1042",
                     "custom": {"amount": 1500, "ratio": 0.5, "big": 9007199254740993, "tier": "gold", "approved": false, "note": null,
                                "customer": {"country": "DE", "flags": {"fraud": false}}, "items": ["a", "b"]}},
         "parent_packet_id": null}
        """)

    struct ComparisonCase: CustomTestStringConvertible, Sendable {
        var variable: String
        var op: HandoffRuleComparisonOp
        var value: String?   // JSON text; nil = absent
        var holds: Bool
        var testDescription: String { "\(variable) \(op.rawValue) \(value ?? "∅") → \(holds)" }
    }

    static let comparisons: [ComparisonCase] = [
        // eq / ne: JSON equality, numbers by value, deep structures.
        .init(variable: "context.custom.tier", op: .eq, value: #""gold""#, holds: true),
        .init(variable: "context.custom.tier", op: .eq, value: #""Gold""#, holds: false),
        .init(variable: "context.custom.amount", op: .eq, value: "1500.0", holds: true),
        // Integers beyond 2^53 are compared exactly, not rounded through Double.
        .init(variable: "context.custom.big", op: .eq, value: "9007199254740992.0", holds: false),
        .init(variable: "context.custom.big", op: .gt, value: "9007199254740992.0", holds: true),
        .init(variable: "context.custom.big", op: .eq, value: "9007199254740993", holds: true),
        .init(variable: "context.custom.amount", op: .eq, value: #""1500""#, holds: false),
        .init(variable: "context.custom.items", op: .eq, value: #"["a","b"]"#, holds: true),
        .init(variable: "context.custom.customer.flags", op: .eq, value: #"{"fraud": false}"#, holds: true),
        .init(variable: "context.custom.tier", op: .ne, value: #""silver""#, holds: true),
        .init(variable: "context.custom.amount", op: .ne, value: #""1500""#, holds: true),
        .init(variable: "context.custom.missing", op: .ne, value: #""x""#, holds: true),
        .init(variable: "context.custom.note", op: .ne, value: #""x""#, holds: true),
        .init(variable: "context.custom.missing", op: .eq, value: #""x""#, holds: false),
        // Ordering: numbers, strings by code point, priority by rank, mismatches false.
        .init(variable: "context.custom.amount", op: .gt, value: "1000", holds: true),
        .init(variable: "context.custom.amount", op: .ge, value: "1500", holds: true),
        .init(variable: "context.custom.amount", op: .lt, value: "1500", holds: false),
        .init(variable: "context.custom.ratio", op: .le, value: "1", holds: true),
        .init(variable: "context.custom.amount", op: .gt, value: #""1000""#, holds: false),
        .init(variable: "context.custom.tier", op: .lt, value: #""silver""#, holds: true),
        .init(variable: "context.custom.tier", op: .gt, value: #""Z""#, holds: true),
        .init(variable: "metadata.priority", op: .ge, value: #""high""#, holds: true),
        .init(variable: "metadata.priority", op: .lt, value: #""critical""#, holds: true),
        .init(variable: "metadata.priority", op: .gt, value: #""normal""#, holds: true),
        .init(variable: "metadata.priority", op: .gt, value: #""urgent""#, holds: false),
        .init(variable: "context.custom.missing", op: .lt, value: "1", holds: false),
        // in / not_in.
        .init(variable: "context.custom.tier", op: .in, value: #"["gold","platinum"]"#, holds: true),
        .init(variable: "context.custom.amount", op: .in, value: "[1, 1500.0]", holds: true),
        .init(variable: "context.custom.tier", op: .notIn, value: #"["gold"]"#, holds: false),
        .init(variable: "context.custom.tier", op: .notIn, value: #"["silver"]"#, holds: true),
        .init(variable: "context.custom.missing", op: .notIn, value: #"["silver"]"#, holds: true),
        .init(variable: "context.custom.missing", op: .in, value: #"["silver"]"#, holds: false),
        // contains: array element, substring, object key; else false.
        .init(variable: "metadata.tags", op: .contains, value: #""vip""#, holds: true),
        .init(variable: "metadata.tags", op: .contains, value: #""VIP""#, holds: false),
        .init(variable: "context.summary", op: .contains, value: #""INV-1042""#, holds: true),
        .init(variable: "context.custom.customer", op: .contains, value: #""country""#, holds: true),
        .init(variable: "context.custom.amount", op: .contains, value: "1", holds: false),
        // exists, missing variables, null, hitl default.
        .init(variable: "context.custom.tier", op: .exists, value: nil, holds: true),
        .init(variable: "context.custom.missing", op: .exists, value: "true", holds: false),
        .init(variable: "context.custom.missing", op: .exists, value: "false", holds: true),
        .init(variable: "context.custom.note", op: .exists, value: nil, holds: false),
        .init(variable: "metadata.source_agent.framework", op: .exists, value: "false", holds: true),
        .init(variable: "hitl.required", op: .eq, value: "false", holds: true),
        .init(variable: "parent_packet_id", op: .exists, value: "false", holds: true),
        .init(variable: "context.custom.missing", op: .eq, value: #""x""#, holds: false),
        .init(variable: "context.custom.tier.deeper", op: .eq, value: #""x""#, holds: false),
        .init(variable: "context.custom.customer.flags.fraud", op: .eq, value: "false", holds: true),
        .init(variable: "status", op: .eq, value: #""created""#, holds: true),
        .init(variable: "metadata.target_agent.id", op: .eq, value: #""billing""#, holds: true),
    ]

    @Test("one comparison", arguments: comparisons)
    func comparison(_ row: ComparisonCase) throws {
        let variable = try #require(RuleVariable(parsing: row.variable))
        let value = try row.value.map { try JSONValue(parsing: $0) }
        let holds = RuleComparisonEvaluator.holds(row.op, actual: variable.resolve(in: Self.packet), expected: value, priorityOrder: variable.isPriority)
        #expect(holds == row.holds)
    }

    @Test("only the documented variables parse", arguments: [
        ("context.custom.a", true), ("context.custom.a.b.c", true), ("metadata.priority", true), ("hitl.required", true),
        ("metadata.tags", true), ("parent_packet_id", true), ("schema_id", false),
        ("context.custom", false), ("context.custom.", false), ("context.custom.a..b", false), ("context.conversation_state", false),
        ("metadata.claimed_at", false), ("hitl.response", false), ("", false), ("custom.a", false),
    ])
    func variables(_ text: String, _ supported: Bool) {
        #expect((RuleVariable(parsing: text) != nil) == supported)
    }

    // MARK: rules → winner

    static let base = Date(timeIntervalSince1970: 1_800_000_000)

    static func rule(
        _ name: String, order: Int = 0, created: TimeInterval = 0, enabled: Bool = true, source: String? = nil, target: String? = nil,
        _ comparisons: [HandoffRuleComparison] = [], joinedBy op: HandoffRuleOperator = .and, action: HandoffRuleAction
    ) -> HandoffRule {
        HandoffRule(
            id: UUID(), name: name, enabled: enabled, order: order, match: HandoffRuleMatch(sourceAgent: source, targetAgent: target),
            condition: comparisons.isEmpty ? nil : HandoffRuleCondition(operator: op, comparisons: comparisons),
            action: action, createdAt: base.addingTimeInterval(created), updatedAt: base)
    }

    static func transfer(_ id: String) -> HandoffRuleAction { HandoffRuleAction(type: .forceTransfer, targetAgent: HandoffRuleTarget(id: id)) }
    static func block(_ reason: String) -> HandoffRuleAction { HandoffRuleAction(type: .blockClaim, reason: reason) }
    static func when(_ variable: String, _ op: HandoffRuleComparisonOp, _ value: JSONValue? = nil) -> HandoffRuleComparison {
        HandoffRuleComparison(variable: variable, op: op, value: value)
    }

    struct WinnerCase: CustomTestStringConvertible, Sendable {
        var label: String
        var rules: [HandoffRule]
        var transferTo: String?
        var blockedBy: String?
        var testDescription: String { label }
    }

    static let winners: [WinnerCase] = [
        .init(label: "no rules", rules: [], transferTo: nil, blockedBy: nil),
        .init(label: "lower order wins", rules: [
            rule("late", order: 5, action: transfer("b")), rule("early", order: 1, action: transfer("a")),
        ], transferTo: "a", blockedBy: nil),
        .init(label: "equal order: earlier created wins", rules: [
            rule("second", order: 1, created: 10, action: transfer("b")), rule("first", order: 1, created: 5, action: transfer("a")),
        ], transferTo: "a", blockedBy: nil),
        .init(label: "disabled rules are skipped", rules: [
            rule("off", order: 0, enabled: false, action: transfer("x")), rule("on", order: 1, action: transfer("y")),
        ], transferTo: "y", blockedBy: nil),
        .init(label: "non-matching condition falls through", rules: [
            rule("silver", order: 0, [when("context.custom.tier", .eq, "silver")], action: transfer("s")),
            rule("gold", order: 1, [when("context.custom.tier", .eq, "gold")], action: transfer("g")),
        ], transferTo: "g", blockedBy: nil),
        .init(label: "and needs all, or needs one", rules: [
            rule("and", order: 0, [when("context.custom.tier", .eq, "gold"), when("context.custom.approved", .eq, true)], joinedBy: .and, action: transfer("and")),
            rule("or", order: 1, [when("context.custom.tier", .eq, "bronze"), when("context.custom.approved", .eq, false)], joinedBy: .or, action: transfer("or")),
        ], transferTo: "or", blockedBy: nil),
        .init(label: "match by agents", rules: [
            rule("other source", source: "sales", action: transfer("x")),
            rule("other target", created: 1, target: "support", action: transfer("y")),
            rule("both", created: 2, source: "triage", target: "billing", action: transfer("z")),
        ], transferTo: "z", blockedBy: nil),
        .init(label: "kinds are separate: a block does not stop a transfer and vice versa", rules: [
            rule("block first", order: 0, [when("context.custom.approved", .eq, true)], action: block("audit")),
            rule("transfer", order: 1, action: transfer("t")),
            rule("block second", order: 2, [when("context.custom.approved", .eq, true)], action: block("later")),
        ], transferTo: "t", blockedBy: "block first"),
        // block_claim: the condition is the release condition; claims wait until it holds.
        .init(label: "blocked until the condition holds (approved is false)", rules: [
            rule("refunds-need-approval", target: "billing", [when("context.custom.approved", .eq, true)],
                 action: block("a manager must approve refunds first")),
        ], transferTo: nil, blockedBy: "refunds-need-approval"),
        .init(label: "released: the condition holds, the claim goes through", rules: [
            rule("gold only", [when("context.custom.tier", .eq, "gold")], action: block("gold customers only")),
        ], transferTo: nil, blockedBy: nil),
        .init(label: "gates in order: a released gate is passed, the first unreleased one blocks", rules: [
            rule("released", order: 0, [when("context.custom.tier", .eq, "gold")], action: block("tier")),
            rule("waiting", order: 1, [when("context.custom.approved", .eq, true)], action: block("approval")),
            rule("also waiting", order: 2, [when("context.custom.amount", .lt, 100)], action: block("amount")),
        ], transferTo: nil, blockedBy: "waiting"),
        .init(label: "every gate released: nothing blocks", rules: [
            rule("tier", order: 0, [when("context.custom.tier", .eq, "gold")], action: block("tier")),
            rule("priority", order: 1, [when("metadata.priority", .ge, "high")], action: block("priority")),
        ], transferTo: nil, blockedBy: nil),
        .init(label: "a gate whose match does not apply does not block", rules: [
            rule("support only", target: "support", [when("context.custom.approved", .eq, true)], action: block("support")),
        ], transferTo: nil, blockedBy: nil),
        .init(label: "an absent variable never satisfies an eq release", rules: [
            rule("needs flag", [when("context.custom.never_set", .eq, true)], action: block("waiting for the flag")),
        ], transferTo: nil, blockedBy: "needs flag"),
        .init(label: "ne releases while the variable is absent (negation of eq)", rules: [
            rule("not on hold", [when("context.custom.hold", .ne, true)], action: block("on hold")),
        ], transferTo: nil, blockedBy: nil),
        .init(label: "or: one comparison releases the gate", rules: [
            rule("approved or gold", [when("context.custom.approved", .eq, true), when("context.custom.tier", .eq, "gold")],
                 joinedBy: .or, action: block("approval")),
        ], transferTo: nil, blockedBy: nil),
        .init(label: "a disabled gate is skipped", rules: [
            rule("off", enabled: false, [when("context.custom.approved", .eq, true)], action: block("approval")),
        ], transferTo: nil, blockedBy: nil),
        .init(label: "a gate without condition (an old row) never releases", rules: [
            rule("legacy", action: block("always")),
        ], transferTo: nil, blockedBy: "legacy"),
    ]

    @Test("force_transfer: first rule whose condition holds; block_claim: first gate not yet released", arguments: winners)
    func winner(_ row: WinnerCase) {
        let evaluator = RuleEvaluator(rules: row.rules)
        #expect(evaluator.forcedTransfer(for: Self.packet)?.target.id == row.transferTo)
        #expect(evaluator.claimBlock(for: Self.packet)?.rule.name == row.blockedBy)
    }

    @Test("equal order and creation time: the lower id wins")
    func tieBreakByID() {
        let low = HandoffRule(
            id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, name: "low", enabled: true, order: 0, match: HandoffRuleMatch(),
            action: Self.transfer("low"), createdAt: Self.base, updatedAt: Self.base)
        var high = low
        high.id = UUID(uuidString: "F0000000-0000-0000-0000-000000000000")!
        high.name = "high"
        high.action = Self.transfer("high")
        #expect(RuleEvaluator(rules: [high, low]).forcedTransfer(for: Self.packet)?.target.id == "low")
        #expect(RuleEvaluator(rules: [low, high]).forcedTransfer(for: Self.packet)?.target.id == "low")
    }

    @Test("a forced target without a name is named by its id; its framework is carried")
    func targetName() {
        let forced = RuleEvaluator(rules: [Self.rule("r", action: Self.transfer("senior"))]).forcedTransfer(for: Self.packet)
        #expect(forced?.target == TargetAgentInfo(id: "senior", name: "senior"))
        let withFramework = HandoffRuleAction(
            type: .forceTransfer, targetAgent: HandoffRuleTarget(id: "senior", name: "Senior", framework: "langchain"))
        let full = RuleEvaluator(rules: [Self.rule("r", action: withFramework)]).forcedTransfer(for: Self.packet)
        #expect(full?.target == TargetAgentInfo(id: "senior", name: "Senior", framework: "langchain"))
    }

    @Test("validation refuses what evaluation could not decide", arguments: [
        (HandoffRuleComparison(variable: "context.secret", op: .eq, value: "x"), "condition.comparisons[0].variable"),
        (HandoffRuleComparison(variable: "metadata.priority", op: .in, value: "high"), "condition.comparisons[0].value"),
        (HandoffRuleComparison(variable: "metadata.priority", op: .eq), "condition.comparisons[0].value"),
        (HandoffRuleComparison(variable: "context.custom.a", op: .gt, value: .array([])), "condition.comparisons[0].value"),
        (HandoffRuleComparison(variable: "context.custom.a", op: .exists, value: "yes"), "condition.comparisons[0].value"),
        (HandoffRuleComparison(variable: "context.custom.a", op: .contains, value: .object([:])), "condition.comparisons[0].value"),
    ])
    func validation(_ comparison: HandoffRuleComparison, _ field: String) {
        let condition = HandoffRuleCondition(operator: .and, comparisons: [comparison])
        do {
            try RuleValidator.check(condition: condition, action: Self.transfer("x"))
            Issue.record("accepted \(comparison)")
        } catch let error as ServiceError {
            #expect(error.statusCode == 422)
            #expect(error.field == field)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("actions need exactly their own fields")
    func actionValidation() throws {
        let bad: [HandoffRuleAction] = [
            HandoffRuleAction(type: .forceTransfer),
            HandoffRuleAction(type: .forceTransfer, targetAgent: HandoffRuleTarget(id: "a"), reason: "r"),
            HandoffRuleAction(type: .blockClaim),
            HandoffRuleAction(type: .blockClaim, targetAgent: HandoffRuleTarget(id: "a"), reason: "r"),
        ]
        let condition = HandoffRuleCondition(operator: .and, comparisons: [Self.when("context.custom.approved", .eq, true)])
        for action in bad {
            #expect(throws: ServiceError.self) { try RuleValidator.check(condition: condition, action: action) }
        }
        try RuleValidator.check(condition: condition, action: Self.block("ok"))
        try RuleValidator.check(condition: nil, action: Self.transfer("ok"))
    }

    @Test("block_claim needs a condition: it is the release condition")
    func blockClaimNeedsCondition() {
        do {
            try RuleValidator.check(condition: nil, action: Self.block("a manager must approve refunds first"))
            Issue.record("a block_claim rule without condition was accepted")
        } catch let error as ServiceError {
            #expect(error.statusCode == 422)
            #expect(error.field == "condition")
            #expect(error.code == "invalid_rule")
            #expect(error.detail.contains("until it holds"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
