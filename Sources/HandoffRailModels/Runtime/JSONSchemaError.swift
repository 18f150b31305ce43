import Foundation

/// Why a JSON Schema could not be compiled.
///
/// Thrown by `JSONSchemaValidator.init` so that a broken schema (a malformed keyword, a
/// `$ref` that resolves nowhere, a pattern that is not a regular expression) is rejected
/// when it is registered, not when the first packet arrives.
///
/// ```swift
/// do { _ = try JSONSchemaValidator(schema: ["pattern": "("]) }
/// catch { print(error.kind, error.location, error.message) }   // invalidPattern "#/pattern" …
/// ```
public struct JSONSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The category of problem.
    public enum Kind: Sendable, Hashable {
        /// A keyword has a value of the wrong type or range (`"minLength": -1`).
        case invalidKeyword
        /// A `$ref`/`$dynamicRef`/`$schema` target is neither in the schema, the registry nor the embedded metaschemas.
        case unresolvableReference
        /// A `pattern`/`patternProperties` key is not a valid regular expression.
        case invalidPattern
        /// The metaschema requires a vocabulary this engine does not implement.
        case unsupportedVocabulary
    }

    /// The category of problem.
    public var kind: Kind
    /// Where in the schema, as an absolute URI with a JSON-pointer fragment (`urn:…#/properties/a/pattern`).
    public var location: String
    /// A short explanation.
    public var message: String

    /// Creates an error; normally only the compiler does this.
    public init(kind: Kind, location: String, message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    /// `"invalid schema at urn:…#/minLength: minLength must be a non-negative integer"`.
    public var description: String { "invalid schema at \(location): \(message)" }
}
