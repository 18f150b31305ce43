import OpenAPIKit
import Yams

/// Loads a spec document for the compatibility checker.
package enum SpecLoader {
    package static func document(text: String, sourceName: String) throws -> OpenAPI.Document {
        let diagnostics = DiagnosticCollector()
        return try SpecParser().parse(text, sourceName: sourceName, diagnostics: diagnostics).document
    }
}
