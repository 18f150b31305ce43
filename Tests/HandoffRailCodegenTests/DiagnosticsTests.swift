import Testing
@testable import HandoffRailCodegen

/// Unsupported constructs are errors at their spec location, never silent skips; lint
/// problems are warnings.
@Suite("Diagnostics")
struct DiagnosticsTests {
    static func spec(schemas: String = "", paths: String = "paths: {}") -> String {
        """
        openapi: 3.1.0
        info: {title: T, version: "1"}
        \(paths)
        components:
          schemas:
        \(schemas.isEmpty ? "    Empty: {description: e, type: string}" : schemas)
        """
    }

    static func errors(_ text: String) -> [Diagnostic] {
        do {
            _ = try GeneratorPipeline().run(specText: text, sourceName: "t.yaml", modes: GeneratorMode.allCases)
            return []
        } catch let failure as GenerationFailed {
            return failure.diagnostics.filter { $0.severity == .error }
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    @Test("each unsupported construct is an error with its location", arguments: [
        ("    A: {description: a, allOf: [{type: string}]}", "allOf", "#/components/schemas/A"),
        ("    A: {description: a, anyOf: [{type: string}, {type: integer}]}", "anyOf", "#/components/schemas/A"),
        ("    A: {description: a, type: object, properties: {b: {type: object, properties: {c: {type: string}}}}}", "inline objects", "#/components/schemas/A/properties/b"),
        ("    A: {description: a, type: object, properties: {b: {$ref: 'other.yaml#/X'}}}", "only references", "#/components/schemas/A/properties/b"),
        ("    a_b: {description: a, type: string}", "UpperCamelCase", "#/components/schemas/a_b"),
        ("    A: {description: a, type: object, properties: {a_b: {type: string}, aB: {type: string}}}", "same Swift name", "#/components/schemas/A/properties/aB"),
        ("    A: {description: a, type: object, properties: {b: {type: [string, integer]}}}", "several types", "#/components/schemas/A/properties/b/type"),
        ("    A: {description: a, type: object, properties: {b: {type: string}}, patternProperties: {'^x': {type: string}}}", "patternProperties", "#/components/schemas/A/patternProperties"),
        ("    A: {description: a, type: object, properties: {string: {type: string, enum: [x]}}}", "hides another type", "#/components/schemas/A/properties/string"),
        ("    A: {description: a, type: string, format: uuid}", "bare uuid", "#/components/schemas/A"),
        ("    A: {description: a, type: object, properties: {self: {type: string}}}", "reserved", "#/components/schemas/A/properties/self"),
        ("    A: {description: a, oneOf: [{$ref: '#/components/schemas/B'}, {type: 'null'}]}\n    B: {description: b, type: string}", "cannot itself be nullable", "#/components/schemas/A"),
        ("    A: {description: a, type: [string, 'null'], enum: [x, null]}", "cannot itself be nullable", "#/components/schemas/A"),
    ])
    func unsupportedSchema(schema: String, phrase: String, location: String) {
        let found = Self.errors(Self.spec(schemas: schema))
        #expect(found.contains { $0.message.contains(phrase) && $0.location == location }, "got \(found)")
    }

    @Test("an operation without operationId is an error at the operation")
    func missingOperationID() {
        let paths = """
        paths:
          /x:
            get:
              responses:
                "200": {description: ok}
        """
        let found = Self.errors(Self.spec(paths: paths))
        #expect(found.contains { $0.message.contains("operationId") && $0.location == "#/paths/~1x/get" })
    }

    static func operation(_ body: String) -> String {
        spec(schemas: "    X: {description: x, type: object, properties: {a: {type: string}}}\n    E: {description: e, type: string, enum: [a]}", paths: body)
    }

    @Test("operations the generated server or client could not serve are errors at their location", arguments: [
        ("""
        paths:
          /x:
            get:
              operationId: getX
              responses:
                "200": {description: ok}
                "201": {description: created}
        """, "2 success responses", "#/paths/~1x/get/responses"),
        ("""
        paths:
          /x/{id}:
            get:
              operationId: getX
              responses: {"200": {description: ok}}
        """, "path template variables", "#/paths/~1x~1{id}/get/parameters"),
        ("""
        paths:
          /x:
            get:
              operationId: getX
              parameters: [{name: q, in: query, style: spaceDelimited, schema: {type: string}}]
              responses: {"200": {description: ok}}
        """, "style 'spaceDelimited'", "#/paths/~1x/get/parameters/0/style"),
        ("""
        paths:
          /x:
            post:
              operationId: postX
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/E'}}}}
              responses: {"200": {description: ok}}
        """, "request bodies must reference a component object", "#/paths/~1x/post/requestBody"),
        ("""
        paths:
          /x:
            get:
              operationId: getX
              responses:
                "200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string, format: date-time}}}}}
        """, "bare uuid/date-time", "#/paths/~1x/get/responses/200/content/application~1json/schema"),
    ])
    func unsupportedOperation(paths: String, phrase: String, location: String) {
        let found = Self.errors(Self.operation(paths))
        #expect(found.contains { $0.message.contains(phrase) && $0.location == location }, "got \(found)")
    }

    @Test("a non-3.1 document is refused with a hint")
    func wrongVersion() {
        let found = Self.errors("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n")
        #expect(found.first?.message.contains("OpenAPI 3.1") == true)
    }

    @Test("invalid YAML is an error, not a crash")
    func invalidYAML() {
        #expect(!Self.errors("openapi: [3.1.0\n  : :").isEmpty)
    }

    @Test("undocumented error responses and missing descriptions are warnings")
    func lintWarnings() throws {
        let text = """
        openapi: 3.1.0
        info: {title: T, version: "1"}
        security: [{K: []}]
        paths:
          /x:
            post:
              operationId: makeX
              x-handoffrail-role: writer
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/X'}
              responses:
                "201": {description: made}
        components:
          securitySchemes:
            K: {type: apiKey, in: header, name: X-API-Key}
          schemas:
            X: {type: object, properties: {a: {type: string}}}
        """
        let result = try GeneratorPipeline().run(specText: text, sourceName: "t.yaml", modes: [.models])
        let warnings = result.diagnostics.filter { $0.severity == .warning }.map(\.message)
        #expect(warnings.contains { $0.contains("401") })
        #expect(warnings.contains { $0.contains("422") })
        #expect(warnings.contains { $0.contains("'X' has no description") })
        #expect(warnings.contains { $0.contains("no tags") })
    }

    @Test("output is deterministic")
    func deterministic() throws {
        let text = try String(contentsOf: PackageRoot.url.appendingPathComponent("spec/handoffrail.yaml"), encoding: .utf8)
        let first = try GeneratorPipeline().run(specText: text, sourceName: "s", modes: GeneratorMode.allCases).files
        let second = try GeneratorPipeline().run(specText: text, sourceName: "s", modes: GeneratorMode.allCases).files
        #expect(first == second)
    }
}
