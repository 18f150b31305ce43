import HandoffRailAgents
import HandoffRailModels
import Testing

/// The SDK's strict-mode rules as data: input schema → expected strict schema, and refusals
/// with their JSON location. Expected values were checked against openai-agents 0.24.0
/// `ensure_strict_json_schema` (see notes/round5/tool-encoders.md).
@Suite("Strict JSON schema (OpenAI Agents SDK rules)")
struct StrictJSONSchemaTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let rule: String
        let input: JSONValue
        let expected: JSONValue
        var testDescription: String { rule }
    }

    static let conversions: [Case] = [
        Case(rule: "{} becomes the empty closed object", input: [:], expected: StrictJSONSchema.emptyObjectSchema),
        Case(
            rule: "objects are closed and every property required (declared first, then by name)",
            input: ["type": "object", "properties": ["b": ["type": "string"], "a": ["type": "integer"], "c": ["type": "boolean"]], "required": ["c"]],
            expected: [
                "type": "object", "additionalProperties": false, "required": ["c", "a", "b"],
                "properties": ["b": ["type": "string"], "a": ["type": "integer"], "c": ["type": "boolean"]],
            ]),
        Case(
            rule: "properties without type get type object",
            input: ["properties": ["x": ["type": "string"]]],
            expected: ["type": "object", "additionalProperties": false, "required": ["x"], "properties": ["x": ["type": "string"]]]),
        Case(
            rule: "optional fields are not made nullable; other keywords stay",
            input: ["type": "object", "properties": ["n": ["type": "integer", "minimum": 1, "default": 5, "format": "int32"]]],
            expected: [
                "type": "object", "additionalProperties": false, "required": ["n"],
                "properties": ["n": ["type": "integer", "minimum": 1, "default": 5, "format": "int32"]],
            ]),
        Case(
            rule: "default null is removed, anyOf variants converted",
            input: ["type": "object", "properties": ["q": ["anyOf": [["type": "object", "properties": [:]], ["type": "null"]], "default": nil]]],
            expected: [
                "type": "object", "additionalProperties": false, "required": ["q"],
                "properties": ["q": ["anyOf": [["type": "object", "properties": [:], "additionalProperties": false, "required": []], ["type": "null"]]]],
            ]),
        Case(
            rule: "oneOf is appended to anyOf",
            input: ["type": "object", "properties": ["v": ["anyOf": [["type": "string"]], "oneOf": [["type": "integer"]]]]],
            expected: [
                "type": "object", "additionalProperties": false, "required": ["v"],
                "properties": ["v": ["anyOf": [["type": "string"], ["type": "integer"]]]],
            ]),
        Case(
            rule: "array items and $defs are converted; a lone $ref stays",
            input: [
                "type": "object", "$defs": ["P": ["type": "object", "properties": ["a": ["type": "string"]]]],
                "properties": ["list": ["type": "array", "items": ["$ref": "#/$defs/P"]]],
            ],
            expected: [
                "type": "object", "additionalProperties": false, "required": ["list"],
                "$defs": ["P": ["type": "object", "properties": ["a": ["type": "string"]], "additionalProperties": false, "required": ["a"]]],
                "properties": ["list": ["type": "array", "items": ["$ref": "#/$defs/P"]]],
            ]),
        Case(
            rule: "$ref with annotation siblings is expanded, siblings win",
            input: [
                "type": "object", "$defs": ["S": ["type": "string", "description": "from def"]],
                "properties": ["s": ["$ref": "#/$defs/S", "description": "mine"]],
            ],
            expected: [
                "type": "object", "additionalProperties": false, "required": ["s"],
                "$defs": ["S": ["type": "string", "description": "from def"]],
                "properties": ["s": ["type": "string", "description": "mine"]],
            ]),
        Case(
            rule: "a singleton allOf is merged into its parent",
            input: [
                "type": "object", "$defs": ["P": ["type": "object", "properties": ["a": ["type": "string"]]]],
                "properties": ["p": ["allOf": [["$ref": "#/$defs/P"]], "description": "the p"]],
            ],
            expected: [
                "type": "object", "additionalProperties": false, "required": ["p"],
                "$defs": ["P": ["type": "object", "properties": ["a": ["type": "string"]], "additionalProperties": false, "required": ["a"]]],
                "properties": ["p": ["type": "object", "properties": ["a": ["type": "string"]], "additionalProperties": false, "required": ["a"], "description": "the p"]],
            ]),
        Case(
            rule: "a root type [object] becomes object",
            input: ["type": ["object"], "properties": [:]],
            expected: ["type": "object", "properties": [:], "additionalProperties": false, "required": []]),
    ]

    @Test("conversion rules", arguments: conversions)
    func converts(_ rule: Case) throws {
        let converted = try StrictJSONSchema.convert(rule.input)
        #expect(converted == rule.expected)
        #expect(try StrictJSONSchema.convert(converted) == converted, "idempotent")
    }

    static let refusals: [(String, JSONValue, StrictJSONSchemaError.Code, String)] = [
        ("free-form map", ["type": "object", "properties": ["m": ["type": "object", "additionalProperties": true]]], .additionalPropertiesAllowed, "#/properties/m"),
        ("additionalProperties {} on an untyped node", ["type": "object", "properties": ["m": ["additionalProperties": [:]]]], .additionalPropertiesAllowed, "#/properties/m"),
        ("$ref with a constraining sibling", ["type": "object", "$defs": ["S": ["type": "string"]], "properties": ["s": ["$ref": "#/$defs/S", "minLength": 2]]], .refWithConstrainingSiblings, "#/properties/s"),
        ("unknown $ref target", ["type": "object", "properties": ["s": ["$ref": "#/$defs/Missing", "title": "S"]]], .unresolvableRef, "#/properties/s"),
        ("remote $ref", ["type": "object", "properties": ["s": ["$ref": "https://example.com/s.json", "title": "S"]]], .unresolvableRef, "#/properties/s"),
        ("root anyOf", ["anyOf": [["type": "object"], ["type": "null"]]], .invalidRoot, "#"),
        ("nullable root", ["type": ["object", "null"], "properties": [:]], .invalidRoot, "#"),
        ("conflicting allOf", ["type": "object", "properties": ["p": ["type": "string", "allOf": [["type": "integer"]]]]], .incompatibleAllOf, "#/properties/p"),
        ("property that is not a schema", ["type": "object", "properties": ["p": true]], .notASchema, "#/properties/p"),
    ]

    @Test("refusals name the kind and the JSON location")
    func refuses() {
        for (name, schema, code, location) in Self.refusals {
            #expect(!StrictJSONSchema.isStrictCompatible(schema), "\(name)")
            do {
                _ = try StrictJSONSchema.convert(schema)
                Issue.record("\(name): accepted")
            } catch {
                #expect(error.code == code, "\(name): \(error)")
                #expect(error.location == location, "\(name): \(error)")
            }
        }
    }

    @Test("too deep is refused")
    func depth() {
        var schema: JSONValue = ["type": "string"]
        for _ in 0..<60 { schema = ["type": "object", "properties": ["x": schema]] }
        let error = #expect(throws: StrictJSONSchemaError.self) { try StrictJSONSchema.convert(schema) }
        #expect(error?.code == .tooDeep)
    }

    @Test("a chain of $ref expansions deeper than the limit is .tooDeep, though the document is shallow")
    func depthThroughReferences() {
        // Each link is a `$ref` with a sibling, which the SDK expands (one level per link).
        var chain: [String: JSONValue] = ["d150": ["type": "string"]]
        for index in 0..<150 {
            chain["d\(index)"] = ["$ref": .string("#/x-chain/d\(index + 1)"), "description": .string("link \(index)")]
        }
        let schema: JSONValue = [
            "type": "object", "required": ["a"], "additionalProperties": false,
            "properties": ["a": ["$ref": "#/x-chain/d0", "description": "start"]],
            "x-chain": .object(chain),
        ]
        let error = #expect(throws: StrictJSONSchemaError.self) { try StrictJSONSchema.convert(schema) }
        #expect(error?.code == .tooDeep)
    }

    @Test("LangChain's $ref inlining stops at the node budget: .tooLarge")
    func inliningBudget() {
        // Each definition uses the next twice: 2^24 nodes once inlined.
        var definitions: [String: JSONValue] = ["d24": ["type": "string"]]
        for index in 0..<24 {
            let next = JSONValue.object(["$ref": .string("#/$defs/d\(index + 1)")])
            definitions["d\(index)"] = ["type": "object", "properties": ["a": next, "b": next]]
        }
        let schema: JSONValue = ["type": "object", "properties": ["root": ["$ref": "#/$defs/d0"]], "$defs": .object(definitions)]
        let tool = ToolDefinition(name: "explode", description: "Too large once inlined.", inputSchema: schema)
        let error = #expect(throws: StrictJSONSchemaError.self) { try LangChainToolEncoder().openAITool(tool) }
        #expect(error?.code == .tooLarge)
    }

    @Test("the packet input becomes the SDK's strict schema byte for byte")
    func packetInput() throws {
        let sample = try AgentSamples.json("openai_agents_handoff_tool_strict_packet_input.json")
        let strict = try StrictJSONSchema.convert(HandoffPacketInput.schema)
        #expect(strict.serializedString(sortedKeys: true) == sample["parameters"]!.serializedString(sortedKeys: true))
    }

    @Test("generated tools: strict except the three with a free-form context.custom")
    func generatedTools() {
        let compatible = Set(ToolSpec.generated.filter { StrictJSONSchema.isStrictCompatible($0.inputSchema) }.map(\.name))
        #expect(compatible == [
            "handoffrail_list_packets", "handoffrail_get_packet", "handoffrail_claim_packet",
            "handoffrail_respond_to_packet", "handoffrail_get_packet_history",
        ])
        for spec in [ToolSpec.createPacket, .updatePacket, .chainPacket] {
            #expect(throws: StrictJSONSchemaError.self) { try StrictJSONSchema.convert(spec.inputSchema) }
        }
    }
}
