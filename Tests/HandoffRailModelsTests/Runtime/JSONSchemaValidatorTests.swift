import Foundation
import Testing
@testable import HandoffRailModels

@Suite("JSONSchemaValidator")
struct JSONSchemaValidatorTests {
    static let common: JSONValue = [
        "$id": "https://schemas.example.com/common.json",
        "$defs": [
            "Identifier": ["type": "string", "pattern": "^[a-z0-9-]+$"],
            "Named": ["$anchor": "named", "type": "object", "required": ["name"]],
        ],
    ]

    @Test func resolvesReferencesIntoTheRegistry() throws {
        let validator = try JSONSchemaValidator(
            schema: [
                "type": "object",
                "properties": [
                    "id": ["$ref": "https://schemas.example.com/common.json#/$defs/Identifier"],
                    "owner": ["$ref": "https://schemas.example.com/common.json#named"],
                ],
            ],
            registry: ["https://schemas.example.com/common.json": Self.common])
        #expect(validator.isValid(["id": "abc-1", "owner": ["name": "x"]]))
        let issues = validator.validate(["id": "ABC", "owner": [:]])
        #expect(issues.map(\.type) == ["string_pattern_mismatch", "missing"])
        #expect(issues.map(\.loc) == [[.key("id")], [.key("owner"), .key("name")]])
    }

    @Test func relativeReferencesUseTheBaseURI() throws {
        let validator = try JSONSchemaValidator(schema: [
            "$id": "https://schemas.example.com/packets/packet.json",
            "properties": ["id": ["$ref": "../common.json#/$defs/Identifier"]],
        ], registry: ["https://schemas.example.com/common.json": Self.common])
        #expect(!validator.isValid(["id": "Nope"]))
    }

    @Test func escapedPointersAndURNs() throws {
        let validator = try JSONSchemaValidator(schema: [
            "$id": "urn:uuid:deadbeef-1234-0000-0000-4321feebdaed",
            "$defs": ["a/b": ["type": "integer"], "c~d": ["type": "string"], "e f": ["minimum": 3]],
            "properties": [
                "x": ["$ref": "#/$defs/a~1b"],
                "y": ["$ref": "urn:uuid:deadbeef-1234-0000-0000-4321feebdaed#/$defs/c~0d"],
                "z": ["$ref": "#/$defs/e%20f"],
            ],
        ])
        #expect(validator.isValid(["x": 1, "y": "s", "z": 4]))
        #expect(validator.validate(["x": "1", "y": 2, "z": 1]).map(\.type) == ["int_type", "string_type", "greater_than_equal"])
    }

    @Test func draft7IgnoresRefSiblingsAndSupportsDefinitions() throws {
        let validator = try JSONSchemaValidator(schema: [
            "definitions": ["n": ["type": "integer"]],
            "properties": ["a": ["$ref": "#/definitions/n", "maximum": 0]],
        ], defaultDraft: .draft7)
        #expect(validator.isValid(["a": 5]))  // `maximum` beside `$ref` is ignored in draft-07
        let modern = try JSONSchemaValidator(schema: [
            "$defs": ["n": ["type": "integer"]],
            "properties": ["a": ["$ref": "#/$defs/n", "maximum": 0]],
        ])
        #expect(!modern.isValid(["a": 5]))
        let selected = try JSONSchemaValidator(schema: [
            "$schema": "http://json-schema.org/draft-07/schema#",
            "items": [["type": "integer"]], "additionalItems": false,
        ])
        #expect(selected.isValid([1]))
        #expect(selected.validate([1, 2]).map(\.type) == ["too_long"])
    }

    @Test func recursiveSchemasValidateDeepInstances() throws {
        let tree = try JSONSchemaValidator(schema: [
            "type": "object",
            "properties": ["value": ["type": "integer"], "children": ["type": "array", "items": ["$ref": "#"]]],
        ])
        // As deep as the parser allows (512 levels: 255 nodes with a one-element array each).
        let deepText = String(repeating: #"{"value": 1, "children": ["#, count: 255) + "{}" + String(repeating: "]}", count: 255)
        let deep = try JSONValue(parsing: deepText)
        #expect(tree.isValid(deep))
        #expect(tree.validate(deep).isEmpty)
        var broken: JSONValue = ["value": "leaf"]
        for depth in 1...50 { broken = ["value": .integer(depth), "children": [broken]] }
        let issues = tree.validate(broken)
        #expect(issues.count == 1)
        #expect(issues.first?.loc.count == 101)
    }

    @Test func nonConsumingRecursionFailsInsteadOfCrashing() throws {
        let loop = try JSONSchemaValidator(schema: ["anyOf": [["type": "string"], ["$ref": "#"]]])
        #expect(loop.isValid("fine"))
        #expect(!loop.isValid(1))
        #expect(loop.validate(1).map(\.type) == ["recursion_limit"])
        let pureCycle = try JSONSchemaValidator(schema: ["$defs": ["a": ["$ref": "#/$defs/b"], "b": ["$ref": "#/$defs/a"]], "$ref": "#/$defs/a"])
        #expect(pureCycle.validate(1).map(\.type) == ["recursion_limit"])
    }

    @Test func validatesAgainstSubschemasByPointer() throws {
        let document: JSONValue = [
            "$defs": ["PacketCreate": ["type": "object", "required": ["title"]]],
            "components": ["schemas": ["Status": ["enum": ["open", "closed"]]]],
        ]
        let validator = try JSONSchemaValidator(schema: document)
        #expect(validator.validate([:], at: "/$defs/PacketCreate").map(\.type) == ["missing"])
        #expect(validator.isValid(["title": 1], at: "#/$defs/PacketCreate"))
        // Not under a schema keyword: compiled on demand.
        #expect(validator.isValid("open", at: "/components/schemas/Status"))
        #expect(validator.validate("x", at: "/components/schemas/Status").map(\.type) == ["enum"])
        #expect(validator.validate(1, at: "/$defs/Nope").map(\.type) == ["invalid_schema"])
        #expect(!validator.isValid(1, at: "/$defs/Nope"))
    }

    static let malformedSchemas: [(JSONValue, JSONSchemaError.Kind)] = [
        (["$ref": "#/$defs/missing"], .unresolvableReference),
        (["$ref": "https://elsewhere.example.com/s.json"], .unresolvableReference),
        (["pattern": "(unclosed"], .invalidPattern),
        (["patternProperties": ["[": true]], .invalidPattern),
        (["minLength": -1], .invalidKeyword),
        (["minLength": 1.5], .invalidKeyword),
        (["type": "text"], .invalidKeyword),
        (["required": "id"], .invalidKeyword),
        (["properties": ["a": 3]], .invalidKeyword),
        (["allOf": []], .invalidKeyword),
        (["$schema": "https://example.com/unknown-metaschema"], .unresolvableReference),
    ]

    @Test func customMemberPointersAreCompiledOnFirstUseAndShared() async throws {
        let validator = try JSONSchemaValidator(schema: [
            "x-handoffrail-parameters": ["listPackets": ["query": ["limit": ["type": "integer", "minimum": 1, "maximum": 200]]]],
        ])
        let pointer = "/x-handoffrail-parameters/listPackets/query/limit"
        let failures = await withTaskGroup(of: [String].self) { group in
            for value in [0, 1, 50, 200, 201, 7, -3, 100] {
                group.addTask { validator.validate(.integer(value), at: pointer).map(\.type) }
            }
            return await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(failures.sorted() == ["greater_than_equal", "greater_than_equal", "less_than_equal"])
        #expect(validator.isValid(.integer(5), at: pointer))
    }

    @Test func precompilesOpenAPIComponents() throws {
        let openAPI: JSONValue = [
            "openapi": "3.1.0",
            "paths": [:],
            "components": ["schemas": [
                "Priority": ["enum": ["low", "normal", "high", "critical"]],
                "PacketCreate": ["type": "object", "required": ["priority"],
                                 "properties": ["priority": ["$ref": "#/components/schemas/Priority"]]],
            ]],
        ]
        let validator = try JSONSchemaValidator(schema: openAPI)
        let issues = validator.validate(["priority": "urgent"], at: "/components/schemas/PacketCreate")
        #expect(issues.map(\.type) == ["enum"])
        #expect(issues.first?.msg == "Input should be 'low', 'normal', 'high' or 'critical'")
    }

    @Test("invalid schemas throw", arguments: malformedSchemas)
    func invalidSchemas(_ schema: JSONValue, _ kind: JSONSchemaError.Kind) {
        let error = #expect(throws: JSONSchemaError.self) { try JSONSchemaValidator(schema: schema) }
        #expect(error?.kind == kind)
        #expect(error?.description.hasPrefix("invalid schema at urn:handoffrail:schema:root#") == true)
    }

    @Test func metaschemaIssues() {
        #expect(JSONSchemaValidator.metaschemaIssues(of: ["type": "object", "properties": ["a": ["minLength": 1]]], draft: .draft7).isEmpty)
        #expect(JSONSchemaValidator.metaschemaIssues(of: ["$defs": ["x": ["$ref": "#/$defs/x"]]], draft: .draft2020_12).isEmpty)
        let negative = JSONSchemaValidator.metaschemaIssues(of: ["properties": ["a": ["minLength": -1]]], draft: .draft7)
        #expect(negative.map(\.type) == ["greater_than_equal"])
        #expect(negative.first?.loc == [.key("properties"), .key("a"), .key("minLength")])
        #expect(!JSONSchemaValidator.metaschemaIssues(of: ["type": "text"], draft: .draft2020_12).isEmpty)
        #expect(JSONSchemaValidator.metaschemaIssues(of: ["pattern": "(unclosed"], draft: .draft2020_12).map(\.type) == ["pattern_type"])
        #expect(!JSONSchemaValidator.metaschemaIssues(of: 42, draft: .draft7).isEmpty)
    }

    @Test func formatsAreAnnotationsWhenAssertionIsOff() throws {
        let asserting = try JSONSchemaValidator(schema: ["format": "email"])
        let annotating = try JSONSchemaValidator(schema: ["format": "email"], assertFormats: false)
        #expect(!asserting.isValid("nope"))
        #expect(annotating.isValid("nope"))
    }

    @Test func unevaluatedPropertiesSeeThroughApplicators() throws {
        let validator = try JSONSchemaValidator(schema: [
            "allOf": [["properties": ["a": ["type": "string"]]]],
            "anyOf": [["properties": ["b": ["type": "integer"]], "required": ["b"]], ["required": ["c"]]],
            "unevaluatedProperties": false,
        ])
        #expect(validator.isValid(["a": "x", "b": 1]))
        let issues = validator.validate(["a": 1, "b": 2, "d": true])
        #expect(issues.map(\.type) == ["string_type", "extra_forbidden"])
        #expect(issues.map(\.loc) == [[.key("a")], [.key("d")]])
    }

    @Test func sharedAcrossTasks() async throws {
        let validator = try JSONSchemaValidator(schema: ValidationIssueTests.packetSchema)
        let results = await withTaskGroup(of: Int.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let packet: JSONValue = ["metadata": ["source_agent": ["id": .string("a\(index)"), "name": "n"], "priority": "low"],
                                             "context": ["summary": index.isMultiple(of: 2) ? "s" : ""]]
                    return (0..<100).reduce(0) { count, _ in count + validator.validate(packet).count }
                }
            }
            return await group.reduce(0, +)
        }
        #expect(results == 8 * 100)
    }
}
