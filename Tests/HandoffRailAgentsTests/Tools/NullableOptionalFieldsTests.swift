import HandoffRailAgents
import HandoffRailModels
import Testing

/// Optional fields made nullable before strict conversion (opt-in), as data.
@Suite("Nullable optional fields")
struct NullableOptionalFieldsTests {
    static let cases: [(String, JSONValue, JSONValue)] = [
        ("a required field stays, an optional one gains null",
         ["type": "object", "properties": ["a": ["type": "string"], "b": ["type": "integer", "minimum": 1]], "required": ["a"]],
         ["type": "object", "properties": ["a": ["type": "string"], "b": ["type": ["integer", "null"], "minimum": 1]], "required": ["a"]]),
        ("an enum gains a null member",
         ["type": "object", "properties": ["p": ["type": "string", "enum": ["low", "high"]]]],
         ["type": "object", "properties": ["p": ["type": ["string", "null"], "enum": ["low", "high", nil]]]]),
        ("already nullable is left alone",
         ["type": "object", "properties": ["n": ["type": ["string", "null"]], "m": ["anyOf": [["type": "string"], ["type": "null"]]]]],
         ["type": "object", "properties": ["n": ["type": ["string", "null"]], "m": ["anyOf": [["type": "string"], ["type": "null"]]]]]),
        ("a $ref is wrapped in anyOf, annotations outside",
         ["type": "object", "properties": ["r": ["$ref": "#/$defs/R", "description": "the r"]]],
         ["type": "object", "properties": ["r": ["description": "the r", "anyOf": [["$ref": "#/$defs/R"], ["type": "null"]]]]]),
        ("nested objects and array items too",
         ["type": "object", "properties": ["o": ["type": "object", "properties": ["x": ["type": "boolean"]], "required": []]], "required": ["o"]],
         ["type": "object", "properties": ["o": ["type": "object", "properties": ["x": ["type": ["boolean", "null"]]], "required": []]], "required": ["o"]]),
    ]

    @Test("rules")
    func rules() {
        for (rule, input, expected) in Self.cases {
            #expect(NullableOptionalFields.apply(input) == expected, "\(rule)")
        }
    }

    @Test("list_packets in strict mode: every filter required but nullable; create_packet still not strict")
    func listPackets() throws {
        let encoder = OpenAIToolEncoder(api: .responses, optionalFields: .nullable)
        let list = encoder.encode(.listPackets)
        #expect(list.strict == true)
        let properties = try #require(list.json["parameters"]?["properties"]?.objectValue)
        #expect(Set(list.json["parameters"]?["required"]?.arrayValue?.compactMap(\.stringValue) ?? []) == Set(properties.keys))
        for (name, property) in properties {
            #expect(property["type"]?.arrayValue?.last == "null", "\(name)")
        }
        #expect(encoder.encode(.createPacket).strict == false)
        let claim = encoder.encode(.claimPacket).json["parameters"]?["properties"]?["packet_id"]?["type"]
        #expect(claim == "string", "a required field keeps its type")
    }
}
