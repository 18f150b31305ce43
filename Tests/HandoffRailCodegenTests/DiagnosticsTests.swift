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
