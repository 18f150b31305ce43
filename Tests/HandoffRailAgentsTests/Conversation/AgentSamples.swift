import Foundation
import HandoffRailAgents
import HandoffRailModels
import Testing

/// The framework samples in `Fixtures/` (copied from shared/data/agent-frameworks; see
/// Fixtures/PROVENANCE.md), read relative to this file so the tests need no bundle resources.
enum AgentSamples {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    static func json(_ name: String) throws -> JSONValue {
        try JSONValue(parsing: Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func langChain() throws -> JSONValue { try json("langchain_messages_to_dict.json") }
    static func crewAI(_ key: String) throws -> JSONValue { try json("crewai_outputs.json")[key]! }
    static func openAIAgents(_ key: String) throws -> JSONValue { try json("openai_agents_handoff_input_data.json")[key]! }
    static func vercelV4() throws -> JSONValue { try json("vercel_ai_v4_core_messages.json")["messages"]! }
    static func vercelV5() throws -> JSONValue { try json("vercel_ai_v5plus_ui_to_model.json")["modelMessages"]! }
    static func googleADK() throws -> JSONValue { try json("adk_transfer_events.json") }
    static func a2aExchange() throws -> JSONValue { try json("a2a_v1_input_required.json") }

    /// The A2A §6.3 exchange as a conversation: request, the task's status message, follow-up.
    static func a2a() throws -> JSONValue {
        let exchange = try a2aExchange()
        return [
            try #require(exchange["request"]?["message"]), try #require(exchange["response"]?["task"]?["status"]?["message"]),
            try #require(exchange["followUp"]?["message"]),
        ]
    }

    /// The remote handoff sample: the request's messages and the streamed reply's chunks.
    static func webAgentsExchange() throws -> (request: JSONValue, chunks: [JSONValue]) {
        let text = try text("webagents_remote_handoff_sse.txt")
        let body = try #require(text.split(separator: "\n").first { $0.hasPrefix("{") })
        return (try JSONValue(parsing: String(body)), try WebAgentsStream.chunks(fromEventStream: text))
    }

    /// The webagents conversation: request messages then the streamed reply.
    static func webAgents() throws -> JSONValue {
        let exchange = try webAgentsExchange()
        let messages = try #require(exchange.request["messages"]?.arrayValue)
        return .array(messages + [try WebAgentsStream.message(from: exchange.chunks)])
    }

    /// Every sample conversation with the codec of its format.
    static func conversations() throws -> [(name: String, codec: any ConversationCodec, native: JSONValue)] {
        [
            ("langchain messages_to_dict", LangChainCodec(), try langChain()),
            ("openai-agents input_history", OpenAIAgentsCodec(), try openAIAgents("handoff_input_data")["input_history"]!),
            ("openai-agents pre_handoff_items", OpenAIAgentsCodec(), try openAIAgents("handoff_input_data")["pre_handoff_items"]!),
            ("openai-agents new_items", OpenAIAgentsCodec(), try openAIAgents("handoff_input_data")["new_items"]!),
            ("vercel-ai v4 CoreMessage", VercelAICodec(version: .v4), try vercelV4()),
            ("vercel-ai v5 ModelMessage", VercelAICodec(version: .v5), try vercelV5()),
            ("google-adk events", GoogleADKCodec(), try googleADK()),
            ("webagents chat", WebAgentsCodec(), try webAgents()),
            ("a2a input required", A2ACodec(), try a2a()),
        ]
    }
}

extension JSONValue {
    /// Sorted-key compact text: the normal form the round-trip tests compare.
    var normalized: String { serializedString(sortedKeys: true) }
}
