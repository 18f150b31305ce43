import Foundation
import OpenAPIKit
import Yams

/// The output of the parse stage: OpenAPIKit's validated document plus the raw tree.
package struct ParsedSpec: Sendable {
    /// The typed, validated OpenAPI 3.1 document.
    package var document: OpenAPI.Document
    /// The same document as an ordered JSON tree (schemas are copied verbatim from here).
    package var raw: RawJSON
    /// The spec's file name, for messages.
    package var sourceName: String
    /// The spec exactly as written (embedded so the server can serve it at `/openapi.yaml`).
    package var sourceText: String = ""
}

/// Parses spec text with Yams and OpenAPIKit.
package struct SpecParser: Sendable {
    package init() {}

    /// Parses `text`; syntax and structure errors become diagnostics with a location.
    package func parse(_ text: String, sourceName: String, diagnostics: DiagnosticCollector) throws -> ParsedSpec {
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw fail("the spec is empty", diagnostics: diagnostics)
            }
            node = composed
        } catch let failure as GenerationFailed {
            throw failure
        } catch {
            throw fail("\(sourceName) is not valid YAML: \(error)", diagnostics: diagnostics)
        }
        let raw: RawJSON
        do {
            raw = try RawJSON(yaml: node)
        } catch {
            throw fail(error.message, at: error.pointer, diagnostics: diagnostics)
        }
        guard raw["openapi"]?.stringValue?.hasPrefix("3.1") == true else {
            throw fail(
                "only OpenAPI 3.1 documents are supported; set `openapi: 3.1.0`",
                at: JSONPointer(["openapi"]), diagnostics: diagnostics)
        }
        let document: OpenAPI.Document
        do {
            document = try YAMLDecoder().decode(OpenAPI.Document.self, from: text)
        } catch {
            throw fail("\(sourceName) is not a valid OpenAPI 3.1 document: \(Self.describe(error))", diagnostics: diagnostics)
        }
        for warning in document.warnings {
            diagnostics.warning(warning.localizedDescription, at: nil)
        }
        return ParsedSpec(document: document, raw: raw, sourceName: sourceName, sourceText: text)
    }

    private func fail(_ message: String, at pointer: JSONPointer? = nil, diagnostics: DiagnosticCollector) -> GenerationFailed {
        diagnostics.error(message, at: pointer?.description)
        return GenerationFailed(diagnostics: diagnostics.diagnostics)
    }

    /// OpenAPIKit's decoding errors carry a readable description with the failing path.
    private static func describe(_ error: any Error) -> String {
        if let error = error as? OpenAPI.Error.Decoding.Document { return error.localizedDescription }
        return String(describing: error)
    }
}
