import Foundation
import OpenAPIKit
import Yams

/// Decodes an OpenAPI document from YAML text, for the compatibility
/// checker's tests and for quick experiments.
///
/// The generator's own parse stage owns real spec loading and its
/// diagnostics; this helper only turns text into a document.
///
/// ```swift
/// let document = try SpecYAMLLoader.document(fromYAML: "openapi: 3.1.0\n...")
/// ```
enum SpecYAMLLoader {

    /// Decodes a document from YAML (or JSON, which is YAML) text.
    /// - Parameter yaml: The spec text.
    /// - Throws: The decoding error when the text is not a valid OpenAPI 3.1 document.
    static func document(fromYAML yaml: String) throws -> OpenAPI.Document {
        try YAMLDecoder().decode(OpenAPI.Document.self, from: yaml)
    }

    /// Decodes a document from a YAML file.
    /// - Parameter url: The file to read.
    /// - Throws: The reading or decoding error.
    static func document(contentsOf url: URL) throws -> OpenAPI.Document {
        try document(fromYAML: String(decoding: Data(contentsOf: url), as: UTF8.self))
    }
}
