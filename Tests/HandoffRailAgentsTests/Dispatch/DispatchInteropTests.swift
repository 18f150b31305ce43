import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// The tool-result items the dispatcher writes for each framework, from real calls against
/// the in-process stack: a created packet, a claim conflict and an unknown tool.
///
/// With `HANDOFFRAIL_AGENTS_EXPORT=<dir>` every framework's items (with the calls they answer)
/// are written to `<dir>/dispatch/<format>.json` for `tests/python/agents/check_dispatch.py`,
/// which reads them with the frameworks' own libraries.
@Suite("Dispatch Interop: tool-result items for the Python cross-checks")
struct DispatchInteropTests {
    /// One framework's call items (as the framework writes them) and our answers.
    static func exchanges(for format: ToolCall.Format, dispatcher: ToolDispatcher, rival: ToolDispatcher) async throws -> JSONValue {
        let create = DispatchFixtures.createArguments(tag: DispatchFixtures.uniqueTag("interop"))
        let createCall = ToolCall(id: "call_create_\(format.rawValue)", name: "handoffrail_create_packet", arguments: create, format: format)
        let created = try await dispatcher.call(createCall)
        let packetID = try #require(created["id"])
        _ = try await rival.call("handoffrail_claim_packet", arguments: ["packet_id": packetID])
        let calls = [
            createCall,
            ToolCall(id: "call_claim_\(format.rawValue)", name: "handoffrail_claim_packet", arguments: ["packet_id": packetID], format: format),
            ToolCall(id: "call_unknown_\(format.rawValue)", name: "handoffrail_fly", arguments: [:], format: format),
        ]
        var exchanges: [JSONValue] = []
        for call in calls {
            exchanges.append(["call": callItem(call), "result": await dispatcher.resultItem(for: call)])
        }
        return .array(exchanges)
    }

    /// The framework's own item for `call` (what a model run produces).
    static func callItem(_ call: ToolCall) -> JSONValue {
        let id = JSONValue.string(call.id ?? "")
        let name = JSONValue.string(call.name)
        switch call.format {
        case .openAIResponses:
            return ["type": "function_call", "call_id": id, "name": name, "arguments": .string(call.arguments.serializedString())]
        case .openAIChat:
            return ["id": id, "type": "function", "function": ["name": name, "arguments": .string(call.arguments.serializedString())]]
        case .langChain:
            return ["id": id, "name": name, "args": call.arguments, "type": "tool_call"]
        case .googleADK:
            return ["functionCall": ["id": id, "name": name, "args": call.arguments]]
        case .mcp:
            return ["name": name, "arguments": call.arguments]
        case .vercelAIV4:
            return ["type": "tool-call", "toolCallId": id, "toolName": name, "args": call.arguments]
        case .vercelAIV5:
            return ["type": "tool-call", "toolCallId": id, "toolName": name, "input": call.arguments]
        }
    }

    @Test("every format: the call item parses back, results and errors in the framework's shape", arguments: ToolCall.Format.allCases)
    func exportExchanges(_ format: ToolCall.Format) async throws {
        let server = try await ClientTestServer.make()
        let client = server.inProcessClient()
        let dispatcher = ToolDispatcher(client: client, identity: DispatchFixtures.triage)
        let rival = ToolDispatcher(client: client, identity: DispatchFixtures.billing)
        let exchanges = try await Self.exchanges(for: format, dispatcher: dispatcher, rival: rival)
        let items = try #require(exchanges.arrayValue)
        #expect(items.count == 3)
        for exchange in items {
            let call = try #require(exchange["call"])
            let parsed: ToolCall
            switch format {
            case .openAIResponses: parsed = try ToolCall.openAIResponses(call)
            case .openAIChat: parsed = try ToolCall.openAIChat(call)
            case .langChain: parsed = try ToolCall.langChain(call)
            case .googleADK: parsed = try ToolCall.googleADK(call)
            case .mcp: parsed = try ToolCall.mcp(call)
            case .vercelAIV4, .vercelAIV5: parsed = try ToolCall.vercelAI(call)
            }
            #expect(parsed.format == format)
        }
        let texts = items.map { Self.resultText($0["result"] ?? .null, format: format) }
        #expect(texts[0].contains("\"source_agent\""))
        #expect(texts[1].contains("claimed by Billing (billing-01)"))
        #expect(texts[2].contains("There is no tool named 'handoffrail_fly'"))

        if let root = ProcessInfo.processInfo.environment["HANDOFFRAIL_AGENTS_EXPORT"] {
            let directory = URL(fileURLWithPath: root).appendingPathComponent("dispatch")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try exchanges.serializedData(sortedKeys: true).write(to: directory.appendingPathComponent("\(format.rawValue).json"))
        }
    }

    /// The text a framework shows the model for a result item.
    static func resultText(_ item: JSONValue, format: ToolCall.Format) -> String {
        switch format {
        case .openAIResponses: return item["output"]?.stringValue ?? ""
        case .openAIChat: return item["content"]?.stringValue ?? ""
        case .langChain: return item["data"]?["content"]?.stringValue ?? ""
        case .googleADK: return item["functionResponse"]?["response"]?.serializedString() ?? ""
        case .mcp: return item["content"]?[0]?["text"]?.stringValue ?? ""
        case .vercelAIV4: return item["content"]?[0]?["result"]?.serializedString() ?? ""
        case .vercelAIV5: return item["content"]?[0]?["output"]?["value"]?.serializedString() ?? ""
        }
    }
}
