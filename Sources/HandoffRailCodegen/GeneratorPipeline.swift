import Foundation

/// The generator: parse → translate → render, with a typed value between the stages.
///
/// ```swift
/// let result = try GeneratorPipeline().run(specText: yaml, sourceName: "handoffrail.yaml", modes: [.models])
/// for file in result.files { print(file.name, file.contents.count) }
/// ```
package struct GeneratorPipeline: Sendable {
    /// One rendered output file.
    package struct RenderedFile: Sendable, Hashable {
        package var name: String
        package var contents: String
    }

    /// Files plus the warnings met on the way.
    package struct Result: Sendable {
        package var files: [RenderedFile]
        package var diagnostics: [Diagnostic]
    }

    package init() {}

    /// Runs the whole pipeline; throws `GenerationFailed` (with every diagnostic) on any error.
    package func run(specText: String, sourceName: String, modes: [GeneratorMode]) throws -> Result {
        let diagnostics = DiagnosticCollector()
        let spec = try SpecParser().parse(specText, sourceName: sourceName, diagnostics: diagnostics)
        let files = translate(spec, modes: modes, diagnostics: diagnostics)
        if diagnostics.hasErrors { throw GenerationFailed(diagnostics: diagnostics.diagnostics) }
        let renderer = SwiftRenderer()
        return Result(
            files: files.map { RenderedFile(name: $0.name, contents: renderer.render($0)) },
            diagnostics: diagnostics.diagnostics)
    }

    /// The translate stage: spec → Swift code model, for the requested modes only.
    func translate(_ spec: ParsedSpec, modes: [GeneratorMode], diagnostics: DiagnosticCollector) -> [SwiftFile] {
        SpecLinter(spec: spec, diagnostics: diagnostics).lint()
        let schemas = SchemaTranslator(
            document: spec.document, raw: spec.raw, diagnostics: diagnostics,
            patchBodies: OperationCollector.patchBodySchemas(in: spec.document))
        let definitions = schemas.translateComponents()
        let operations = OperationCollector(spec: spec, schemas: schemas, diagnostics: diagnostics).collect()
        OperationChecker(definitions: definitions, diagnostics: diagnostics).check(operations)
        let models = ModelsTranslator(definitions: definitions, diagnostics: diagnostics)
        var files: [SwiftFile] = []
        for mode in GeneratorMode.allCases where modes.contains(mode) {
            switch mode {
            case .models: files.append(models.translate(definitions))
            case .validators: files.append(ValidatorsTranslator(spec: spec).translate(definitions: definitions, operations: operations))
            case .operations: files += OperationsTranslator(models: models).translate(operations)
            case .server: files.append(ServerTranslator(models: models, diagnostics: diagnostics).translate(operations))
            case .client: files.append(ClientTranslator().translate(operations))
            case .tools: files.append(ToolsTranslator(builder: ToolSchemaBuilder(spec: spec, diagnostics: diagnostics)).translate(operations))
            }
        }
        return files
    }
}
