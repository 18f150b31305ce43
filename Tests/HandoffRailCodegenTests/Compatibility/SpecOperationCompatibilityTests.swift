import Testing
@testable import HandoffRailCodegen

/// Edits to operations outside their schemas: security, headers, bodies,
/// path templates and parameter serialization.
@Suite("Spec compatibility: operation edits")
struct SpecOperationCompatibilityTests {

    /// An edit to the `GET /subjects/{id}` operation of a small spec.
    struct OperationEdit: Sendable, CustomTestStringConvertible {
        var name: String
        var old: String
        var new: String
        var expected: ExpectedSpecChange

        init(_ name: String, old: String, new: String, _ severity: SpecChange.Severity, at location: String, _ phrase: String) {
            self.name = name
            self.old = old
            self.new = new
            self.expected = ExpectedSpecChange(severity, location, phrase)
        }

        var testDescription: String { name }
    }

    /// A spec with one path; `paths` is the YAML below `paths:` (two-space
    /// indented) and `extra` optional top-level YAML such as `security:`.
    static func spec(_ paths: String, extra: String = "") -> String {
        """
        openapi: 3.1.0
        info: {title: Fixture, version: 1.0.0}
        \(extra)
        paths:
        \(paths)
        components:
          securitySchemes:
            apiKey: {type: apiKey, in: header, name: X-API-Key}
            bearer: {type: http, scheme: bearer}

        """
    }

    /// `GET /subjects/{id}` with the given extra operation YAML (indented by
    /// six spaces) and the given `200` response YAML (indented by ten).
    static func getSubject(_ operation: String = "", response: String = "description: OK", path: String = "/subjects/{id}", parameter: String = "id") -> String {
        """
          \(path):
            get:
              operationId: getSubject
              parameters:
                - {name: \(parameter), in: path, required: true, schema: {type: string}}
        \(operation)
              responses:
                '200':
                  \(response)
        """
    }

    static let operation = "#/paths/~1subjects~1{id}/get"

    static let edits: [OperationEdit] = [
        .init("security scheme replaced",
              old: spec(getSubject("      security: [{apiKey: []}]")),
              new: spec(getSubject("      security: [{bearer: []}]")),
              .breaking, at: "\(operation)/security", "security changed from 'apiKey' to 'bearer'; clients authenticating with 'apiKey' will be rejected"),
        .init("security alternative added",
              old: spec(getSubject("      security: [{bearer: []}]")),
              new: spec(getSubject("      security: [{bearer: []}, {apiKey: []}]")),
              .nonBreaking, at: "\(operation)/security", "security relaxed from 'bearer' to 'bearer' or 'apiKey'"),
        .init("security made optional",
              old: spec(getSubject("      security: [{bearer: []}]")),
              new: spec(getSubject("      security: [{bearer: []}, {}]")),
              .nonBreaking, at: "\(operation)/security", "security relaxed from 'bearer' to 'bearer' or none"),
        .init("document-wide security added",
              old: spec(getSubject()),
              new: spec(getSubject(), extra: "security: [{bearer: []}]"),
              .breaking, at: "#/security", "security requirement added ('bearer') to an operation that had none"),
        .init("scope added to a requirement",
              old: spec(getSubject("      security: [{bearer: [read]}]")),
              new: spec(getSubject("      security: [{bearer: [read, admin]}]")),
              .breaking, at: "\(operation)/security", "security changed from 'bearer' (read) to 'bearer' (admin, read)"),
        .init("response header removed",
              old: spec(getSubject(response: "description: OK\n          headers: {X-Rate-Limit: {schema: {type: integer}}}")),
              new: spec(getSubject()),
              .breaking, at: "\(operation)/responses/200/headers/X-Rate-Limit", "response 200 header 'X-Rate-Limit' was removed"),
        .init("response header type changed",
              old: spec(getSubject(response: "description: OK\n          headers: {X-Rate-Limit: {schema: {type: integer}}}")),
              new: spec(getSubject(response: "description: OK\n          headers: {X-Rate-Limit: {schema: {type: string}}}")),
              .breaking, at: "\(operation)/responses/200/headers/X-Rate-Limit/schema", "type changed from integer to string"),
        .init("response content type removed",
              old: spec(getSubject(response: "description: OK\n          content: {application/json: {schema: {type: string}}, text/plain: {schema: {type: string}}}")),
              new: spec(getSubject(response: "description: OK\n          content: {application/json: {schema: {type: string}}}")),
              .breaking, at: "\(operation)/responses/200/content/text~1plain", "response 200 content type 'text/plain' was removed; clients expecting text/plain"),
        .init("response content type added",
              old: spec(getSubject(response: "description: OK\n          content: {application/json: {schema: {type: string}}}")),
              new: spec(getSubject(response: "description: OK\n          content: {application/json: {schema: {type: string}}, text/plain: {schema: {type: string}}}")),
              .nonBreaking, at: "\(operation)/responses/200/content/text~1plain", "response 200 content type 'text/plain' was added"),
        .init("required request body added",
              old: spec(getSubject()),
              new: spec(getSubject("      requestBody: {required: true, content: {application/json: {schema: {type: object}}}}")),
              .breaking, at: "\(operation)/requestBody", "required request body was added"),
        .init("request body became required",
              old: spec(getSubject("      requestBody: {content: {application/json: {schema: {type: object}}}}")),
              new: spec(getSubject("      requestBody: {required: true, content: {application/json: {schema: {type: object}}}}")),
              .breaking, at: "\(operation)/requestBody/required", "request body became required"),
        .init("path parameter renamed in the template",
              old: spec(getSubject()),
              new: spec(getSubject(path: "/subjects/{subjectId}", parameter: "subjectId")),
              .breaking, at: "#/paths/~1subjects~1{subjectId}/get/parameters/0/name", "path parameter 'id' was renamed to 'subjectId'"),
        .init("parameter serialization changed",
              old: spec(getSubject("        - {name: tags, in: query, schema: {type: array, items: {type: string}}}")),
              new: spec(getSubject("        - {name: tags, in: query, style: pipeDelimited, schema: {type: array, items: {type: string}}}")),
              .breaking, at: "\(operation)/parameters/1/style", "serialization of query parameter 'tags' changed from form (explode) to pipeDelimited"),
        .init("optional parameter removed",
              old: spec(getSubject("        - {name: verbose, in: query, schema: {type: boolean}}")),
              new: spec(getSubject()),
              .breaking, at: "\(operation)/parameters/1", "query parameter 'verbose' was removed"),
        .init("operation deprecated",
              old: spec(getSubject()),
              new: spec(getSubject("      deprecated: true")),
              .nonBreaking, at: "\(operation)/deprecated", "operation GET /subjects/{id} was deprecated"),
        .init("allOf member added to a request",
              old: spec(getSubject("      requestBody: {content: {application/json: {schema: {allOf: [{type: object}]}}}}")),
              new: spec(getSubject("      requestBody: {content: {application/json: {schema: {allOf: [{type: object}, {title: Tagged, type: object, required: [tag]}]}}}}")),
              .breaking, at: "\(operation)/requestBody/content/application~1json/schema/allOf/1", "allOf member 'Tagged' was added"),
    ]

    @Test("Operation edits are classified", arguments: edits)
    func operationEdit(_ edit: OperationEdit) throws {
        let changes = try SpecCompatibilityFixture.changes(old: edit.old, new: edit.new)
        try ExpectedSpecChange.verify(changes, are: [edit.expected])
    }
}
