import HandoffRailModels

/// Turns a `json_schema` document of `POST /schemas` into a validator, or explains in one
/// string detail why it cannot be one.
///
/// Registered schemas follow draft-07 unless their `$schema` names draft 2020-12; formats are
/// annotations only (as the reference's `jsonschema` validation without a format checker).
///
/// ```swift
/// let validator = try RegisteredSchemaCompiler.compile(["type": "object", "required": ["ticket"]])
/// ```
enum RegisteredSchemaCompiler {
    /// How many problems a 422 detail names at most.
    static let reportedIssueLimit = 3

    /// Checks the document (top-level `type`, the draft's metaschema, `$ref`s and patterns that
    /// compile) and compiles it.
    ///
    /// - Throws: ``ServiceError`` 422 (field `json_schema`) naming the first problems.
    static func compile(_ document: [String: JSONValue]) throws -> JSONSchemaValidator {
        guard document["type"] != nil else {
            throw invalid("json_schema must have a top-level \"type\"")
        }
        let schema = JSONValue.object(document)
        let draft = self.draft(of: document)
        let issues = JSONSchemaValidator.metaschemaIssues(of: schema, draft: draft)
        guard issues.isEmpty else {
            throw invalid("json_schema is not a valid JSON Schema: \(describe(issues, under: "json_schema"))")
        }
        do {
            return try validator(for: schema)
        } catch {
            throw invalid("json_schema is not a valid JSON Schema: \(error.message) (at \(error.location))")
        }
    }

    /// Compiles a document already accepted by ``compile(_:)`` (read back from the store).
    static func validator(for schema: JSONValue) throws(JSONSchemaError) -> JSONSchemaValidator {
        try JSONSchemaValidator(schema: schema, defaultDraft: .draft7, assertFormats: false)
    }

    /// `"a.b[0]: msg; c: msg"`, at most ``reportedIssueLimit`` issues, then "(and N more)".
    static func describe(_ issues: [ValidationIssue], under root: String) -> String {
        var parts = issues.prefix(reportedIssueLimit).map { issue in
            "\(path(issue.loc, under: root)): \(issue.msg)"
        }
        if issues.count > reportedIssueLimit { parts.append("(and \(issues.count - reportedIssueLimit) more)") }
        return parts.joined(separator: "; ")
    }

    private static func path(_ location: [JSONPathComponent], under root: String) -> String {
        location.reduce(root) { path, component in
            switch component {
            case .key(let key): return "\(path).\(key)"
            case .index(let index): return "\(path)[\(index)]"
            }
        }
    }

    private static func draft(of document: [String: JSONValue]) -> JSONSchemaDraft {
        if case .string(let uri)? = document["$schema"], uri.contains("2020-12") { return .draft2020_12 }
        return .draft7
    }

    private static func invalid(_ detail: String) -> ServiceError {
        .unprocessable(detail, code: "invalid_schema", field: "json_schema")
    }
}
