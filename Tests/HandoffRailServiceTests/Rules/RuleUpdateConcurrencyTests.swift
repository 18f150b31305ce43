import Foundation
import HandoffRailModels
import HandoffRailService
import Testing

/// Rule PATCHes are read–modify–write; the store's `updated_at` guard makes a PATCH based on
/// a stale read retry on the fresh rule (or answer 409 `concurrent_update`) instead of
/// silently undoing another PATCH's field.
@Suite("Handoff rule updates under concurrency")
struct RuleUpdateConcurrencyTests {
    /// One PATCH touching a single field, and how to see that field in the final rule.
    struct FieldPatch: Sendable {
        var label: String
        var update: HandoffRuleUpdate
        var isApplied: @Sendable (HandoffRule) -> Bool
    }

    static let patches: [FieldPatch] = [
        FieldPatch(label: "description", update: HandoffRuleUpdate(description: .value("changed"))) { $0.description == "changed" },
        FieldPatch(label: "order", update: HandoffRuleUpdate(order: 42)) { $0.order == 42 },
        FieldPatch(label: "enabled", update: HandoffRuleUpdate(enabled: false)) { $0.enabled == false },
        FieldPatch(label: "match", update: HandoffRuleUpdate(match: HandoffRuleMatch(sourceAgent: "triage"))) { $0.match.sourceAgent == "triage" },
        FieldPatch(label: "name", update: HandoffRuleUpdate(name: "renamed")) { $0.name == "renamed" },
        FieldPatch(label: "action", update: HandoffRuleUpdate(action: HandoffRuleAction(
            type: .forceTransfer, targetAgent: HandoffRuleTarget(id: "senior")))) { $0.action.targetAgent?.id == "senior" },
    ]

    @Test("parallel PATCHes of different fields: every PATCH answered 200 is still visible in the final rule")
    func noLostUpdates() async throws {
        for round in 0..<5 {
            let bench = try await PacketTestBench()
            let admin = bench.caller(.admin)
            guard case .created(let rule) = try await bench.service.createRule(.init(body: HandoffRuleCreate(
                name: "r\(round)", description: "original",
                action: HandoffRuleAction(type: .forceTransfer, targetAgent: HandoffRuleTarget(id: "junior")))), caller: admin)
            else { throw TestFailure("createRule did not answer 201") }

            let outcomes = try await withThrowingTaskGroup(of: (String, Bool).self) { group in
                for patch in Self.patches {
                    group.addTask {
                        do {
                            guard case .ok = try await bench.service.updateRule(.init(ruleId: rule.id, body: patch.update), caller: admin) else {
                                throw TestFailure("updateRule answered neither 200 nor an error")
                            }
                            return (patch.label, true)
                        } catch let error as ServiceError where error.statusCode == 409 && error.code == "concurrent_update" {
                            return (patch.label, false)
                        }
                    }
                }
                var results: [String: Bool] = [:]
                for try await (label, applied) in group { results[label] = applied }
                return results
            }

            guard case .ok(let final) = try await bench.service.getRule(.init(ruleId: rule.id), caller: admin) else {
                throw TestFailure("getRule did not answer 200")
            }
            #expect(outcomes.count == Self.patches.count)
            #expect(outcomes.values.contains(true), "at least one PATCH must win")
            for patch in Self.patches where outcomes[patch.label] == true {
                #expect(patch.isApplied(final), "round \(round): the 200 PATCH of \(patch.label) was undone: \(final)")
            }
        }
    }
}
