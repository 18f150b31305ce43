/// Warnings about the spec that do not stop generation: undocumented things that make the
/// generated code or the published API worse.
struct SpecLinter {
    let spec: ParsedSpec
    let diagnostics: DiagnosticCollector

    func lint() {
        for (name, schema) in spec.document.components.schemas where schema.description == nil {
            diagnostics.warning("component schema '\(name.rawValue)' has no description (it becomes the type's doc comment)", at: JSONPointer.schema(name.rawValue).description)
        }
        for route in spec.document.routes {
            for endpoint in route.pathItem.endpoints {
                let pointer = JSONPointer.operation(path: route.path.rawValue, method: endpoint.method.rawValue.lowercased())
                if endpoint.operation.summary == nil && endpoint.operation.description == nil {
                    diagnostics.warning("operation has neither summary nor description", at: pointer.description)
                }
                if (endpoint.operation.tags ?? []).isEmpty {
                    diagnostics.warning("operation has no tags", at: pointer.description)
                }
            }
        }
    }
}
