import Foundation

/// A compiled JSON Schema (draft 2020-12 or draft-07) that validates `JSONValue`s and
/// reports every problem as a pydantic/FastAPI-style `ValidationIssue`.
///
/// Compile once, validate many times: `init` resolves all `$ref`s, compiles all patterns and
/// builds a table of keyword validators, so `validate` does no parsing, URI resolution or
/// regex compilation. The value is immutable and `Sendable`; share one per schema.
///
/// ```swift
/// let validator = try JSONSchemaValidator(schema: [
///     "type": "object",
///     "required": ["title"],
///     "properties": ["title": ["type": "string", "minLength": 1]],
/// ])
/// validator.validate(["title": ""])
/// // [ValidationIssue(type: "string_too_short", loc: [.key("title")], msg: "String should have at least 1 character", …)]
/// ```
public struct JSONSchemaValidator: Sendable {
    private let program: SchemaProgram
    private let schema: JSONValue
    private let defaultDraft: JSONSchemaDraft
    private let assertFormats: Bool
    private let registry: [String: JSONValue]
    private let onDemand = SchemaPointerCache()

    /// Compiles `schema` once (resolving $id/$ref/$anchor/$dynamicRef, compiling patterns); throws for an invalid schema.
    ///
    /// - Parameters:
    ///   - schema: The schema document. Its `$schema` selects the draft; otherwise `defaultDraft` applies.
    ///   - assertFormats: Whether `format` is checked (uuid, date-time, date, time, uri, uri-reference,
    ///     email, ipv4, ipv6, hostname, regex) or only an annotation.
    ///   - registry: Other schema documents by URI, for `$ref`s outside `schema`. Nothing is ever
    ///     downloaded; the draft-07 and 2020-12 metaschemas are built in.
    ///
    /// ```swift
    /// let validator = try JSONSchemaValidator(schema: userSchema, defaultDraft: .draft7, registry: ["https://example.com/common.json": common])
    /// ```
    public init(schema: JSONValue, defaultDraft: JSONSchemaDraft = .draft2020_12, assertFormats: Bool = true,
                registry: [String: JSONValue] = [:]) throws(JSONSchemaError) {
        self.program = try SchemaCompiler.compile(schema: schema, defaultDraft: defaultDraft, assertFormats: assertFormats,
                                                  registry: registry, extraPointers: [])
        self.schema = schema
        self.defaultDraft = defaultDraft
        self.assertFormats = assertFormats
        self.registry = registry
    }

    /// All issues of `instance` against the schema (or against the subschema at JSON pointer `pointer`, e.g. "/$defs/PacketCreate"); empty = valid.
    ///
    /// Issues are ordered by location (member names by code point, indices numerically),
    /// then in keyword order, so the output is deterministic. `loc` is relative to `instance`;
    /// prefix it with `"body"` for a FastAPI-shaped 422 response. When no `anyOf`/`oneOf`
    /// alternative matches, the issues of the alternative the input was evidently meant for
    /// (by JSON type and `const` discriminators; the non-null one of a nullable) are reported,
    /// else one `union_no_match`. Pointers to subschemas under schema keywords (`$defs`,
    /// `properties`, …) and, in an OpenAPI document (one with an `openapi` member),
    /// `/components/schemas/<name>` are precompiled; any other pointer (such as a schema under a
    /// custom `x-…` member) is compiled on its first use, which costs about as much as `init`, and cached.
    ///
    /// ```swift
    /// let issues = validator.validate(body, at: "/$defs/PacketCreate")
    /// ```
    public func validate(_ instance: JSONValue, at pointer: String = "") -> [ValidationIssue] {
        let (program, node): (SchemaProgram, Int32)
        switch entry(pointer) {
        case .found(let foundProgram, let foundNode): (program, node) = (foundProgram, foundNode)
        case .invalid(let issue): return [issue]
        }
        var evaluator = SchemaEvaluator(program: program, collecting: true)
        var annotations = SchemaAnnotations()
        _ = evaluator.evaluate(node, instance, &annotations, false)
        if evaluator.depthExceeded {
            return [ValidationIssue(type: "recursion_limit",
                                    loc: [], msg: "Schema recursion is too deep (more than \(SchemaEvaluator.maximumDepth) nested subschemas)",
                                    input: instance)]
        }
        return Self.ordered(evaluator.issues)
    }

    /// Whether `instance` is valid; stops at the first failure, so it is cheaper than `validate` for invalid input.
    ///
    /// ```swift
    /// guard validator.isValid(packet) else { return .badRequest }
    /// ```
    public func isValid(_ instance: JSONValue, at pointer: String = "") -> Bool {
        guard case .found(let program, let node) = entry(pointer) else { return false }
        var evaluator = SchemaEvaluator(program: program, collecting: false)
        var annotations = SchemaAnnotations()
        return evaluator.evaluate(node, instance, &annotations, false)
    }

    /// Validates a schema document against the metaschema of `draft` (used by the registry to reject invalid schemas).
    ///
    /// Formats are asserted, so a `pattern` that is not a regular expression or an `$id` that
    /// is not a URI reference is reported too.
    ///
    /// ```swift
    /// JSONSchemaValidator.metaschemaIssues(of: ["minLength": -1], draft: .draft7)
    /// // [ValidationIssue(type: "greater_than_equal", loc: [.key("minLength")], …)]
    /// ```
    public static func metaschemaIssues(of schema: JSONValue, draft: JSONSchemaDraft) -> [ValidationIssue] {
        switch draft {
        case .draft7: return draft7Metaschema.validate(schema)
        case .draft2020_12: return draft2020_12Metaschema.validate(schema)
        }
    }

    private static let draft7Metaschema = metaschemaValidator("http://json-schema.org/draft-07/schema", .draft7)
    private static let draft2020_12Metaschema = metaschemaValidator("https://json-schema.org/draft/2020-12/schema", .draft2020_12)

    private static func metaschemaValidator(_ uri: String, _ draft: JSONSchemaDraft) -> JSONSchemaValidator {
        do {
            return try JSONSchemaValidator(schema: ["$ref": .string(uri)], defaultDraft: draft, assertFormats: true)
        } catch {
            preconditionFailure("embedded metaschema \(uri) does not compile: \(error)")
        }
    }

    // MARK: - Entry points

    private typealias Entry = SchemaPointerCache.Entry

    /// The program and node for `pointer` (`""`, `"/$defs/X"` or `"#/$defs/X"`).
    private func entry(_ pointer: String) -> Entry {
        if pointer.isEmpty { return .found(program, program.root) }
        var normalized = pointer
        if normalized.hasPrefix("#") { normalized = URIReference.percentDecode(String(normalized.dropFirst())) }
        if let node = program.pointers[normalized] { return .found(program, node) }
        return onDemand.entry(for: normalized) { normalized in compileOnDemand(normalized, as: pointer) }
    }

    /// Compiles the document again with `normalized` as an extra entry point (first use of a pointer
    /// outside the precompiled subschema locations).
    private func compileOnDemand(_ normalized: String, as pointer: String) -> Entry {
        func failure(_ message: String) -> Entry {
            .invalid(ValidationIssue(type: "invalid_schema", loc: [], msg: message, input: .null,
                                     ctx: ["pointer": .string(pointer)]))
        }
        guard JSONPointer.resolve(normalized, in: schema) != nil else {
            return failure("Schema pointer '\(pointer)' does not exist")
        }
        do {
            let extended = try SchemaCompiler.compile(schema: schema, defaultDraft: defaultDraft, assertFormats: assertFormats,
                                                      registry: registry, extraPointers: [normalized])
            guard let node = extended.pointers[normalized] else { return failure("Schema pointer '\(pointer)' does not exist") }
            return .found(extended, node)
        } catch {
            return failure("Schema at '\(pointer)' is invalid: \(error.description)")
        }
    }

    /// Stable sort by location: keys by UTF-8 code units, indices numerically, shorter paths first.
    private static func ordered(_ issues: [ValidationIssue]) -> [ValidationIssue] {
        guard issues.count > 1 else { return issues }
        return issues.enumerated().sorted { lhs, rhs in
            let order = compare(lhs.element.loc, rhs.element.loc)
            return order != 0 ? order < 0 : lhs.offset < rhs.offset
        }.map(\.element)
    }

    private static func compare(_ lhs: [JSONPathComponent], _ rhs: [JSONPathComponent]) -> Int {
        for (left, right) in zip(lhs, rhs) {
            switch (left, right) {
            case (.key(let a), .key(let b)):
                if a != b { return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1 }
            case (.index(let a), .index(let b)):
                if a != b { return a < b ? -1 : 1 }
            case (.index, .key): return -1
            case (.key, .index): return 1
            }
        }
        return lhs.count == rhs.count ? 0 : (lhs.count < rhs.count ? -1 : 1)
    }
}
