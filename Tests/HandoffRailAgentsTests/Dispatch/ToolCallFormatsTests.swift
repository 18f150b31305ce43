import Foundation
import HandoffRailAgents
import HandoffRailModels
import Testing

/// Tool calls read from each framework's own JSON (the real samples where they have one),
/// and the tool-result items written back in the framework's shape.
@Suite("ToolCall: framework formats")
struct ToolCallFormatsTests {
    @Test("OpenAI Responses function_call item from the Agents SDK sample")
    func openAIResponsesSample() throws {
        let items = try #require(AgentSamples.openAIAgents("handoff_input_data")["pre_handoff_items"]?.arrayValue)
        let item = try #require(items.first { $0["type"] == "function_call" })
        let call = try ToolCall.openAIResponses(item)
        #expect(call == ToolCall(id: "call_lookup", name: "lookup_order", arguments: ["order_id": "A-17"], format: .openAIResponses))
        #expect(call.result(["charges": 2]) == ["type": "function_call_output", "call_id": "call_lookup", "output": #"{"charges":2}"#])
    }

    @Test("OpenAI Chat tool_calls entries, arguments as a JSON string")
    func openAIChat() throws {
        let message: JSONValue = [
            "role": "assistant", "content": .null,
            "tool_calls": [
                ["id": "call_a", "type": "function", "function": ["name": "handoffrail_get_packet", "arguments": #"{"packet_id":"p-1"}"#]],
                ["id": "call_b", "type": "function", "function": ["name": "handoffrail_list_packets", "arguments": ""]],
            ],
        ]
        let calls = try ToolCall.openAIChatMessage(message)
        #expect(calls.map(\.id) == ["call_a", "call_b"])
        #expect(calls[0].arguments == ["packet_id": "p-1"])
        #expect(calls[1].arguments == [:])
        #expect(calls[0].result(["id": "p-1"]) == ["role": "tool", "tool_call_id": "call_a", "content": #"{"id":"p-1"}"#])
        // Unparseable arguments are kept as text, so the dispatcher reports them to the model.
        let broken = try ToolCall.openAIChat(["id": "c", "type": "function", "function": ["name": "n", "arguments": "{oops"]])
        #expect(broken.arguments == "{oops")
        #expect(throws: ToolCallParseError.self) { try ToolCall.openAIChat(["id": "c", "type": "function"]) }
        #expect(throws: ToolCallParseError.self) { try ToolCall.openAIResponses(["type": "message", "name": "n", "call_id": "c"]) }
    }

    @Test("LangChain tool_calls from the messages_to_dict sample; result is a ToolMessage dict")
    func langChainSample() throws {
        let messages = try #require(AgentSamples.langChain().arrayValue)
        let ai = try #require(messages.first { $0["data"]?["tool_calls"]?.arrayValue?.isEmpty == false })
        let calls = try ToolCall.langChainMessage(ai)
        #expect(calls == [ToolCall(id: "call_abc123", name: "lookup_account", arguments: ["customer_id": "c-42"], format: .langChain)])
        let sampleToolMessage = try #require(messages.first { $0["type"] == "tool" })
        // Same shape as the sample's ToolMessage (content aside).
        let produced = calls[0].result(["plan": "free", "seats": 3])
        #expect(produced["data"]?.objectValue.map { Set($0.keys) } == sampleToolMessage["data"]?.objectValue.map { Set($0.keys) })
        #expect(produced["data"]?["tool_call_id"] == "call_abc123")
        #expect(produced["data"]?["status"] == "success")
        let failed = calls[0].errorResult(ToolCallError(kind: .invalidArguments, toolName: "lookup_account", message: "Missing required argument 'x'."))
        #expect(failed["data"]?["status"] == "error")
        #expect(failed["data"]?["content"] == "Error: Missing required argument 'x'.")
    }

    @Test("Google ADK functionCall from the events sample; functionResponse wraps non-objects")
    func googleADKSample() throws {
        let events = try #require(AgentSamples.googleADK().arrayValue)
        let calls = try events.flatMap { try ToolCall.googleADKEvent($0) }
        #expect(calls == [ToolCall(id: "adk-c1", name: "transfer_to_agent", arguments: ["agent_name": "billing_agent"], format: .googleADK)])
        // The sample's own functionResponse part is what we write for a null result.
        let sampleResponse = try #require(events[2]["content"]?["parts"]?[0])
        #expect(calls[0].result(.null) == sampleResponse)
        #expect(calls[0].result(["id": "p"]) == ["functionResponse": ["id": "adk-c1", "name": "transfer_to_agent", "response": ["id": "p"]]])
        let failed = calls[0].errorResult(ToolCallError(kind: .unknownTool, toolName: "transfer_to_agent", message: "no"))
        #expect(failed["functionResponse"]?["response"] == ["error": "no"])
    }

    @Test("MCP tools/call params; CallToolResult with structured content or isError")
    func mcp() throws {
        let call = try ToolCall.mcp(["name": "handoffrail_claim_packet", "arguments": ["packet_id": "p"]])
        #expect(call.id == nil)
        #expect(call.arguments == ["packet_id": "p"])
        #expect(call.result(["status": "claimed"]) == [
            "content": [["type": "text", "text": #"{"status":"claimed"}"#]], "structuredContent": ["status": "claimed"], "isError": false,
        ])
        let failed = call.errorResult(ToolCallError(kind: .api, toolName: call.name, message: "HTTP 409 conflict: taken"))
        #expect(failed == ["content": [["type": "text", "text": "HTTP 409 conflict: taken"]], "isError": true])
        #expect(throws: ToolCallParseError.self) { try ToolCall.mcp(["arguments": [:]]) }
    }
}

/// Vercel AI SDK tool calls from the v4 and v5+ samples; results in the samples' own shapes.
@Suite("ToolCall: Vercel AI SDK")
struct ToolCallVercelAITests {
    @Test("v4 CoreMessage tool-call (args) and tool-result (result)")
    func v4Sample() throws {
        let messages = try #require(AgentSamples.vercelV4().arrayValue)
        let calls = try messages.flatMap { try ToolCall.vercelAIMessage($0) }
        #expect(calls == [ToolCall(id: "call_abc123", name: "lookup_account", arguments: ["customer_id": "c-42"], format: .vercelAIV4)])
        let sampleToolMessage = try #require(messages.first { $0["role"] == "tool" })
        #expect(calls[0].result(["plan": "free", "seats": 3]) == sampleToolMessage)
        let failed = calls[0].errorResult(ToolCallError(kind: .api, toolName: "lookup_account", message: "HTTP 404 notFound: gone"))
        #expect(failed["content"]?[0]?["isError"] == true)
        #expect(failed["content"]?[0]?["result"] == "HTTP 404 notFound: gone")
    }

    @Test("v5+ ModelMessage tool-call (input) and tool-result (output)")
    func v5Sample() throws {
        let messages = try #require(AgentSamples.vercelV5().arrayValue)
        let calls = try messages.flatMap { try ToolCall.vercelAIMessage($0) }
        #expect(calls == [ToolCall(id: "call1", name: "calculator", arguments: ["operation": "add", "numbers": [1, 2]], format: .vercelAIV5)])
        let sampleToolMessage = try #require(messages.first { $0["role"] == "tool" })
        // The sample answers with text; a dispatcher result is JSON. Same envelope otherwise.
        var expected = sampleToolMessage
        if case .object(var message) = expected, case .array(var parts) = message["content"], case .object(var part) = parts[0] {
            part["output"] = ["type": "json", "value": ["sum": 3]]
            parts[0] = .object(part)
            message["content"] = .array(parts)
            expected = .object(message)
        }
        #expect(calls[0].result(["sum": 3]) == expected)
        let failed = calls[0].errorResult(ToolCallError(kind: .invalidArguments, toolName: "calculator", message: "Missing required argument 'x'."))
        #expect(failed["content"]?[0]?["output"] == ["type": "error-text", "value": "Missing required argument 'x'."])
        #expect(throws: ToolCallParseError.self) { try ToolCall.vercelAI(["type": "text", "text": "hi"]) }
    }

    @Test("Vercel AI: v4 only with `args`; a call without arguments is the current v5+ form")
    func vercelVersionDetection() throws {
        let bare = try ToolCall.vercelAI(["type": "tool-call", "toolCallId": "c1", "toolName": "handoffrail_list_packets"])
        #expect(bare.format == .vercelAIV5)
        #expect(bare.arguments == [:])
        let v4 = try ToolCall.vercelAI(["type": "tool-call", "toolCallId": "c2", "toolName": "t", "args": ["x": 1]])
        #expect(v4.format == .vercelAIV4)
        let v5 = try ToolCall.vercelAI(["type": "tool-call", "toolCallId": "c3", "toolName": "t", "input": ["x": 1]])
        #expect(v5.format == .vercelAIV5)
        #expect(v5.arguments == ["x": 1])
    }
}
