import Foundation

/// The JSON Schema dialects the engine implements.
///
/// A schema's `$schema` keyword selects the dialect; this is the fallback when it has none
/// (draft-07 for user-registered schemas, 2020-12 for OpenAPI 3.1 components).
///
/// ```swift
/// let validator = try JSONSchemaValidator(schema: schema, defaultDraft: .draft7)
/// ```
public enum JSONSchemaDraft: Sendable, Hashable {
    /// Draft-07 (`http://json-schema.org/draft-07/schema#`).
    case draft7
    /// Draft 2020-12 (`https://json-schema.org/draft/2020-12/schema`), used by OpenAPI 3.1.
    case draft2020_12
}
