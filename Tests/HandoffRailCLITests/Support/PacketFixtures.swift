import Foundation
import HandoffRailModels

/// Packet documents for CLI tests, as JSON text the way a user would write them.
enum PacketFixtures {
    /// A valid packet document with `summary`, from `source` to `target`.
    static func packet(summary: String, source: String = "planner", target: String = "billing-01") -> JSONValue {
        [
            "metadata": [
                "source_agent": ["id": .string(source), "name": "Planner", "framework": "langchain"],
                "target_agent": ["id": .string(target), "name": "Billing"],
                "priority": "high",
                "tags": ["refunds", "cli"],
            ],
            "context": [
                "summary": .string(summary),
                "conversation_state": [["role": "user", "content": "Please refund order 1042"]],
                "artifacts": [["key": "order", "value": ["id": 1042, "amount": 19.5]]],
                "custom": ["ticket": "T-1042", "attempts": 2, "score": 0.75],
            ],
            "decisions": [["id": "d1", "decision": "refund", "rationale": "damaged item", "alternatives": ["replace"]]],
        ]
    }

    /// `packet` as one line of compact JSON.
    static func line(summary: String) -> String {
        packet(summary: summary).serializedString(sortedKeys: true)
    }
}

extension CLIResult {
    /// stdout parsed as JSON; fails the caller's `#require` when it is not.
    var json: JSONValue? { try? JSONValue(parsing: Data(stdout.utf8)) }

    /// stdout decoded as a model (wire JSON).
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try HandoffRailJSON.decode(T.self, from: Data(stdout.utf8))
    }
}
