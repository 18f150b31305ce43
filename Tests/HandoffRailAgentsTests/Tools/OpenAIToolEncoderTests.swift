import HandoffRailAgents
import HandoffRailModels
import Testing

/// OpenAI Responses / Chat Completions function tools and handoff tools, against the SDK's samples.
@Suite("OpenAI tool encoder")
struct OpenAIToolEncoderTests {
    static let refunds = HandoffTarget(agentName: "Refund Agent", handoffDescription: "Handles refunds and chargebacks.")

    @Test("every generated tool, both APIs: strict when possible, else strict false with the original schema")
    func generatedTools() throws {
        for api in OpenAIToolEncoder.API.allCases {
            let encoder = OpenAIToolEncoder(api: api)
            for spec in ToolSpec.generated {
                let tool = encoder.encode(spec)
                let function = api == .responses ? tool.json : try #require(tool.json["function"])
                #expect(tool.json["type"] == "function")
                #expect(function["name"] == .string(spec.name))
                #expect(function["description"] == .string(spec.description))
                let compatible = StrictJSONSchema.isStrictCompatible(spec.inputSchema)
                #expect(tool.strict == compatible)
                #expect(function["strict"] == .bool(compatible))
                if compatible {
                    #expect(function["parameters"] == (try StrictJSONSchema.convert(spec.inputSchema)))
                    #expect(function["parameters"]?["additionalProperties"] == false)
                    #expect(tool.strictRefusal == nil)
                } else {
                    #expect(function["parameters"] == spec.inputSchema)
                    let refusal = try #require(tool.strictRefusal)
                    #expect(refusal.code == .additionalPropertiesAllowed)
                    #expect(refusal.location.hasPrefix("#/properties/context/properties/"))
                }
                #expect(tool.dropped.isEmpty)
            }
        }
    }

    @Test("strict mode disabled: every schema as generated")
    func disabled() {
        let encoder = OpenAIToolEncoder(api: .responses, strictMode: .disabled)
        for spec in ToolSpec.generated {
            #expect(encoder.encode(spec).json["parameters"] == spec.inputSchema)
            #expect(encoder.encode(spec).json["strict"] == false)
        }
    }

    @Test("handoff tool without input equals the SDK's, Responses and Chat Completions")
    func handoffDefault() throws {
        let sample = try AgentSamples.json("openai_agents_handoff_tool.json")
        let responses = try OpenAIToolEncoder(api: .responses).handoffTool(Self.refunds).json
        let chat = try OpenAIToolEncoder(api: .chatCompletions).handoffTool(Self.refunds).json
        #expect(responses.normalized == sample["responses_tool_param_default"]!.normalized)
        #expect(chat.normalized == sample["chat_completions_tool_param_default"]!.normalized)
        let handoff = try #require(sample["handoff_default"])
        #expect(Self.refunds.toolName == handoff["tool_name"]?.stringValue)
        #expect(Self.refunds.toolDescription == handoff["tool_description"]?.stringValue)
        #expect(try StrictJSONSchema.convert(Self.refunds.input.schema) == handoff["input_json_schema"])
    }

    @Test("handoff tool with a typed input and a name override equals the SDK's")
    func handoffWithInputType() throws {
        let escalation: JSONValue = [
            "properties": ["reason": ["title": "Reason", "type": "string"], "priority": ["title": "Priority", "type": "string"]],
            "required": ["reason", "priority"], "title": "EscalationData", "type": "object",
        ]
        var target = Self.refunds
        target.input = .custom(escalation)
        target.toolNameOverride = "escalate_to_refunds"
        let sample = try AgentSamples.json("openai_agents_handoff_tool.json")["responses_tool_param_with_input_type"]!
        #expect(try OpenAIToolEncoder(api: .responses).handoffTool(target).json.normalized == sample.normalized)
    }

    @Test("handoff tool with the packet input equals the SDK's strict packet-input tool")
    func handoffPacketInput() throws {
        let sample = try AgentSamples.json("openai_agents_handoff_tool_strict_packet_input.json")
        let tool = try OpenAIToolEncoder(api: .responses).handoffTool(HandoffTarget(agentName: "BillingBot", input: .packet))
        #expect(tool.json.normalized == sample.normalized)
        #expect(tool.name == "transfer_to_billingbot")
    }

    @Test("a handoff input without a strict form throws, as the SDK raises")
    func handoffRefused() {
        let target = HandoffTarget(agentName: "X", input: .custom(["type": "object", "additionalProperties": true]))
        #expect(throws: StrictJSONSchemaError.self) { try OpenAIToolEncoder(api: .responses).handoffTool(target) }
    }

    @Test("tool names follow transform_string_function_style")
    func names() {
        #expect(OpenAIToolName.functionStyle("transfer_to_Refund Agent") == "transfer_to_refund_agent")
        #expect(OpenAIToolName.functionStyle("transfer_to_Zoë-2\tB") == "transfer_to_zo__2_b")
        #expect(HandoffTarget(agentName: "BillingBot").toolDescription == "Handoff to the BillingBot agent to handle the request. ")
        #expect(HandoffTarget(agentName: "a", toolDescriptionOverride: "custom").toolDescription == "custom")
    }
}
