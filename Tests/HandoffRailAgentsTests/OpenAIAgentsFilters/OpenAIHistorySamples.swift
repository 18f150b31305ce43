import Foundation
import HandoffRailAgents
import HandoffRailModels

/// The OpenAI Agents sample (`Fixtures/openai_agents_handoff_input_data.json`, made with
/// openai-agents 0.24.0) read with member order kept, as the SDK's `json.dumps` sees it.
enum OpenAIHistorySamples {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/openai_agents_handoff_input_data.json")

    static func document() throws -> OrderedJSON {
        try OrderedJSON(parsing: String(contentsOf: fixture, encoding: .utf8))
    }

    /// One of `handoff_input_data`, `after_nest_handoff_history`, `after_remove_all_tools`.
    static func data(_ key: String) throws -> OpenAIHandoffInputData {
        guard let member = try document()[key] else { throw SampleMissing(key: key) }
        return try OpenAIHandoffInputData(member)
    }

    /// A run item from literal JSON.
    static func item(_ json: OrderedJSON) -> OpenAIRunItem { OpenAIRunItem(json) }

    /// The content of a message item.
    static func content(_ item: OrderedJSON?) -> String? { item?["content"]?.stringValue }
}

struct SampleMissing: Error { let key: String }
