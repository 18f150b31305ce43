import Foundation
import Testing
@testable import HandoffRailModels

/// SchemaKeyword → pydantic v2 error mapping: type, message, ctx and loc.
@Suite("Validation issues")
struct ValidationIssueTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let schema: JSONValue
        let instance: JSONValue
        let type: String
        let msg: String
        var ctx: [String: JSONValue]? = nil
        var loc: [JSONPathComponent] = []
        var testDescription: String { "\(type): \(msg)" }
    }

    static let cases: [Case] = [
        Case(schema: ["type": "string"], instance: 1, type: "string_type", msg: "Input should be a valid string"),
        Case(schema: ["type": ["string", "null"]], instance: 1, type: "string_type", msg: "Input should be a valid string"),
        Case(schema: ["type": "integer"], instance: "1", type: "int_type", msg: "Input should be a valid integer"),
        Case(schema: ["type": "integer"], instance: 1.5, type: "int_from_float",
             msg: "Input should be a valid integer, got a number with a fractional part"),
        Case(schema: ["type": "number"], instance: "1", type: "float_type", msg: "Input should be a valid number"),
        Case(schema: ["type": "boolean"], instance: 1, type: "bool_type", msg: "Input should be a valid boolean"),
        Case(schema: ["type": "object"], instance: [], type: "dict_type", msg: "Input should be a valid dictionary"),
        Case(schema: ["type": "array"], instance: [:], type: "list_type", msg: "Input should be a valid list"),
        Case(schema: ["type": "null"], instance: 0, type: "none_required", msg: "Input should be None"),
        Case(schema: ["type": ["string", "integer"]], instance: true, type: "invalid_type",
             msg: "Input should be of type string or integer", ctx: ["expected": "string or integer"]),
        Case(schema: ["minLength": 1], instance: "", type: "string_too_short", msg: "String should have at least 1 character",
             ctx: ["min_length": 1]),
        Case(schema: ["minLength": 3], instance: "😀😀", type: "string_too_short", msg: "String should have at least 3 characters",
             ctx: ["min_length": 3]),
        Case(schema: ["maxLength": 2], instance: "abc", type: "string_too_long", msg: "String should have at most 2 characters",
             ctx: ["max_length": 2]),
        Case(schema: ["enum": ["low", "normal", "high", "critical"]], instance: "urgent", type: "enum",
             msg: "Input should be 'low', 'normal', 'high' or 'critical'", ctx: ["expected": "'low', 'normal', 'high' or 'critical'"]),
        Case(schema: ["enum": ["a", 1, 2.5, true, nil]], instance: "b", type: "enum",
             msg: "Input should be 'a', 1, 2.5, True or None", ctx: ["expected": "'a', 1, 2.5, True or None"]),
        Case(schema: ["const": "x"], instance: "y", type: "literal_error", msg: "Input should be 'x'", ctx: ["expected": "'x'"]),
        Case(schema: ["const": "it's"], instance: "y", type: "literal_error", msg: #"Input should be "it's""#, ctx: ["expected": #""it's""#]),
        Case(schema: ["minimum": 1.5], instance: 1, type: "greater_than_equal", msg: "Input should be greater than or equal to 1.5",
             ctx: ["ge": 1.5]),
        Case(schema: ["exclusiveMinimum": 1], instance: 1, type: "greater_than", msg: "Input should be greater than 1", ctx: ["gt": 1]),
        Case(schema: ["maximum": 2.0], instance: 3, type: "less_than_equal", msg: "Input should be less than or equal to 2",
             ctx: ["le": 2.0]),
        Case(schema: ["exclusiveMaximum": 1e20], instance: 1e21, type: "less_than", msg: "Input should be less than 100000000000000000000",
             ctx: ["lt": 1e20]),
        Case(schema: ["minimum": 0.0000001], instance: 0, type: "greater_than_equal",
             msg: "Input should be greater than or equal to 0.0000001", ctx: ["ge": 0.0000001]),
        Case(schema: ["multipleOf": 0.01], instance: 0.015, type: "multiple_of", msg: "Input should be a multiple of 0.01",
             ctx: ["multiple_of": 0.01]),
        Case(schema: ["minItems": 2], instance: [1], type: "too_short", msg: "List should have at least 2 items after validation, not 1",
             ctx: ["field_type": "List", "min_length": 2, "actual_length": 1]),
        Case(schema: ["maxItems": 1], instance: [1, 2], type: "too_long", msg: "List should have at most 1 item after validation, not 2",
             ctx: ["field_type": "List", "max_length": 1, "actual_length": 2]),
        Case(schema: ["minProperties": 2], instance: ["a": 1], type: "too_short",
             msg: "Dictionary should have at least 2 items after validation, not 1",
             ctx: ["field_type": "Dictionary", "min_length": 2, "actual_length": 1]),
        Case(schema: ["maxProperties": 1], instance: ["a": 1, "b": 2], type: "too_long",
             msg: "Dictionary should have at most 1 item after validation, not 2",
             ctx: ["field_type": "Dictionary", "max_length": 1, "actual_length": 2]),
        Case(schema: ["pattern": "^a+$"], instance: "b", type: "string_pattern_mismatch", msg: "String should match pattern '^a+$'",
             ctx: ["pattern": "^a+$"]),
        Case(schema: ["uniqueItems": true], instance: [1, 1.0], type: "unique_items", msg: "List should have unique items"),
        Case(schema: ["required": ["id"]], instance: ["x": 1], type: "missing", msg: "Field required", loc: [.key("id")]),
        Case(schema: ["properties": ["a": ["type": "string"]], "additionalProperties": false], instance: ["a": "x", "b": 2],
             type: "extra_forbidden", msg: "Extra inputs are not permitted", loc: [.key("b")]),
        Case(schema: ["format": "uuid"], instance: "nope", type: "uuid_parsing",
             msg: "Input should be a valid UUID, invalid character: found `n` at 1", ctx: ["error": "invalid character: found `n` at 1"]),
        Case(schema: ["format": "uuid"], instance: "12345678-1234-1234-1234-12345678901", type: "uuid_parsing",
             msg: "Input should be a valid UUID, invalid group length in group 4: expected 12, found 11",
             ctx: ["error": "invalid group length in group 4: expected 12, found 11"]),
        Case(schema: ["format": "date-time"], instance: "2020-13-01T00:00:00Z", type: "datetime_parsing",
             msg: "Input should be a valid datetime, month value is outside expected range of 1-12",
             ctx: ["error": "month value is outside expected range of 1-12"]),
        Case(schema: ["format": "date"], instance: "2020-02-30", type: "date_parsing",
             msg: "Input should be a valid date, day value is outside expected range", ctx: ["error": "day value is outside expected range"]),
        Case(schema: ["format": "uri"], instance: "foo", type: "url_parsing", msg: "Input should be a valid URL, relative URL without a base",
             ctx: ["error": "relative URL without a base"]),
        Case(schema: ["format": "email"], instance: "foo", type: "value_error",
             msg: "value is not a valid email address: An email address must have an @-sign.",
             ctx: ["reason": "An email address must have an @-sign."]),
        Case(schema: ["not": ["type": "string"]], instance: "x", type: "not_allowed", msg: "Input should not match the schema in 'not'"),
        Case(schema: ["contains": ["type": "integer"]], instance: ["a"], type: "contains",
             msg: "List should contain at least 1 item matching the 'contains' schema, not 0", ctx: ["min_contains": 1, "actual": 0]),
        Case(schema: ["oneOf": [["type": "integer"], ["minimum": 0]]], instance: 1, type: "union_multiple_matches",
             msg: "Input should match exactly one of the allowed schemas, but it matches 2", ctx: ["matches": [0, 1]]),
        Case(schema: ["anyOf": [["type": "integer"], ["type": "boolean"]]], instance: "x", type: "union_no_match",
             msg: "Input should match at least one of the allowed schemas (anyOf)", ctx: ["alternatives": 2]),
        Case(schema: false, instance: 1, type: "false_schema", msg: "No value is allowed here"),
        Case(schema: ["prefixItems": [["type": "integer"]], "items": false], instance: [1, 2], type: "too_long",
             msg: "Tuple should have at most 1 item after validation, not 2",
             ctx: ["field_type": "Tuple", "max_length": 1, "actual_length": 2]),
        Case(schema: ["dependentRequired": ["card": ["billing"]]], instance: ["card": 1], type: "missing", msg: "Field required",
             ctx: ["required_by": "card"], loc: [.key("billing")]),
    ]

    @Test("keyword mapping", arguments: cases)
    func mapping(_ testCase: Case) throws {
        let validator = try JSONSchemaValidator(schema: testCase.schema)
        let issues = validator.validate(testCase.instance)
        try #require(issues.count == 1, "\(issues)")
        let issue = issues[0]
        #expect(issue.type == testCase.type)
        #expect(issue.msg == testCase.msg)
        #expect(issue.ctx == testCase.ctx)
        #expect(issue.loc == testCase.loc)
        if testCase.type != "missing", case .key(let member)? = testCase.loc.last {
            #expect(issue.input == testCase.instance[member])  // the offending member value
        } else {
            #expect(issue.input == testCase.instance)  // the value itself, or for `missing` the enclosing object
        }
        #expect(!validator.isValid(testCase.instance))
    }

    static let packetSchema: JSONValue = [
        "$defs": [
            "Agent": [
                "type": "object",
                "required": ["id", "name"],
                "properties": ["id": ["type": "string", "minLength": 1], "name": ["type": "string"],
                               "framework": ["type": ["string", "null"]]],
                "additionalProperties": false,
            ],
            "Action": [
                "type": "object",
                "required": ["id", "description"],
                "properties": ["id": ["type": "string"], "description": ["type": "string", "minLength": 1],
                               "priority": ["enum": ["low", "normal", "high", "critical"]],
                               "deadline": ["type": "string", "format": "date-time"]],
            ],
        ],
        "type": "object",
        "required": ["metadata", "context"],
        "properties": [
            "id": ["type": "string", "format": "uuid"],
            "metadata": [
                "type": "object",
                "required": ["source_agent", "priority"],
                "properties": [
                    "source_agent": ["$ref": "#/$defs/Agent"],
                    "priority": ["enum": ["low", "normal", "high", "critical"]],
                    "ttl_seconds": ["type": "integer", "minimum": 1],
                ],
            ],
            "context": ["type": "object", "required": ["summary"], "properties": ["summary": ["type": "string", "minLength": 1]]],
            "actions": ["type": "array", "items": ["$ref": "#/$defs/Action"], "maxItems": 3],
        ],
    ]

    @Test func packetWithSeveralErrorsReportsAllOfThem() throws {
        let validator = try JSONSchemaValidator(schema: Self.packetSchema)
        let sourceAgent: JSONValue = ["name": 7, "nickname": "r2"]
        let packet: JSONValue = [
            "id": "not-a-uuid",
            "metadata": ["source_agent": sourceAgent, "priority": "urgent", "ttl_seconds": 0.5],
            "context": ["summary": ""],
            "actions": [
                ["id": "a1", "description": "ok", "priority": "high", "deadline": "2026-11-20T10:15:30Z"],
                ["id": "a2", "description": "", "deadline": "tomorrow"],
                ["description": "no id"],
            ],
        ]
        let issues = validator.validate(packet)
        let actual = issues.map { IssueSummary($0) }
        let expected: [IssueSummary] = [
            IssueSummary("datetime_parsing", [.key("actions"), .index(1), .key("deadline")],
                         "Input should be a valid datetime, invalid character in year"),
            IssueSummary("string_too_short", [.key("actions"), .index(1), .key("description")], "String should have at least 1 character"),
            IssueSummary("missing", [.key("actions"), .index(2), .key("id")], "Field required"),
            IssueSummary("string_too_short", [.key("context"), .key("summary")], "String should have at least 1 character"),
            IssueSummary("uuid_parsing", [.key("id")], "Input should be a valid UUID, invalid character: found `n` at 1"),
            IssueSummary("enum", [.key("metadata"), .key("priority")], "Input should be 'low', 'normal', 'high' or 'critical'"),
            IssueSummary("missing", [.key("metadata"), .key("source_agent"), .key("id")], "Field required"),
            IssueSummary("string_type", [.key("metadata"), .key("source_agent"), .key("name")], "Input should be a valid string"),
            IssueSummary("extra_forbidden", [.key("metadata"), .key("source_agent"), .key("nickname")], "Extra inputs are not permitted"),
            IssueSummary("int_from_float", [.key("metadata"), .key("ttl_seconds")],
                         "Input should be a valid integer, got a number with a fractional part"),
        ]
        #expect(actual == expected)  // ordered by location
        let missingID = try #require(issues.first { $0.loc == [.key("metadata"), .key("source_agent"), .key("id")] })
        #expect(missingID.input == sourceAgent)  // `missing` carries the enclosing object, like pydantic
        #expect(!validator.isValid(packet))
        #expect(validator.validate(packet) == issues)  // deterministic
    }

    struct IssueSummary: Equatable, CustomStringConvertible {
        let type: String
        let loc: [JSONPathComponent]
        let msg: String
        init(_ type: String, _ loc: [JSONPathComponent], _ msg: String) { (self.type, self.loc, self.msg) = (type, loc, msg) }
        init(_ issue: ValidationIssue) { self.init(issue.type, issue.loc, issue.msg) }
        var description: String { "\(type) \(loc.map { "\($0.jsonValue.serializedString())" }.joined(separator: ".")) \(msg)" }
    }

    @Test func unionReportsTheAlternativeTheInputWasMeantFor() throws {
        let nullable = try JSONSchemaValidator(schema: ["anyOf": [["type": "string", "minLength": 2], ["type": "null"]]])
        #expect(nullable.validate("a").map(\.type) == ["string_too_short"])
        #expect(nullable.validate(5).map(\.type) == ["string_type"])

        let tagged = try JSONSchemaValidator(schema: ["oneOf": [
            ["type": "object", "properties": ["kind": ["const": "text"], "body": ["type": "string"]], "required": ["kind", "body"]],
            ["type": "object", "properties": ["kind": ["const": "file"], "url": ["type": "string", "format": "uri"]], "required": ["kind", "url"]],
        ]])
        let issues = tagged.validate(["kind": "file", "url": "not a uri"])
        #expect(issues.map(\.type) == ["url_parsing"])
        #expect(issues.first?.loc == [.key("url")])
        #expect(tagged.validate(["kind": "other"]).map(\.type) == ["union_no_match"])
        #expect(tagged.validate(["kind": "text", "body": "hi"]).isEmpty)
    }

    @Test func pathComponentsAndIssuesEncodeLikeFastAPI() throws {
        let issue = ValidationIssue(type: "missing", loc: [.key("actions"), .index(0), .key("id")], msg: "Field required", input: ["a": 1])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(issue), as: UTF8.self)
        #expect(text == #"{"input":{"a":1},"loc":["actions",0,"id"],"msg":"Field required","type":"missing"}"#)
        #expect(try JSONDecoder().decode(ValidationIssue.self, from: Data(text.utf8)) == issue)
        #expect(issue.jsonValue.serializedString(sortedKeys: true) == text)
        let withContext = ValidationIssue(type: "string_too_short", loc: [], msg: "m", input: "", ctx: ["min_length": 1])
        #expect(withContext.jsonValue["ctx"] == ["min_length": 1])
    }

    @Test func pydanticNumberAndReprFormatting() {
        #expect(PydanticText.number(.number(2.0)) == "2")
        #expect(PydanticText.number(.number(1.5)) == "1.5")
        #expect(PydanticText.number(.number(-0.25)) == "-0.25")
        #expect(PydanticText.number(.number(1e-7)) == "0.0000001")
        #expect(PydanticText.number(.number(1.2345678901234568e17)) == "123456789012345680")
        #expect(PydanticText.number(.integer(-3)) == "-3")
        #expect(PydanticText.pythonRepr(["b": [1, nil], "a": "x\n"]) == #"{'a': 'x\n', 'b': [1, None]}"#)
        #expect(PydanticText.pythonRepr(.number(1e16)) == "1e+16")
        #expect(PydanticText.expectedList(["only"]) == "'only'")
        #expect(PydanticText.expectedList(["a", "b"]) == "'a' or 'b'")
    }
}
