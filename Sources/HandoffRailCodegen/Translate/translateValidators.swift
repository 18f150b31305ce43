/// Translates the spec's schemas into the `validators` output: one JSON Schema 2020-12
/// document holding every component schema and every operation parameter schema under
/// `$defs`, compiled once by the runtime engine, plus a `validate(_:)` per component type.
package struct ValidatorsTranslator {
    let spec: ParsedSpec

    package init(spec: ParsedSpec) { self.spec = spec }

    /// The `$defs` key of a parameter's schema: `listPackets.query.limit` (component names hold no dots).
    static func parameterKey(operationID: String, parameter: ParameterDefinition) -> String {
        "\(operationID).\(parameter.location.rawValue).\(parameter.name)"
    }

    /// The JSON pointer (without `#`) of a parameter's schema inside the bundle.
    package static func parameterPointer(operationID: String, parameter: ParameterDefinition) -> String {
        "/$defs/" + JSONPointer.escape(parameterKey(operationID: operationID, parameter: parameter))
    }

    /// The bundle document: component schemas and parameter schemas side by side under
    /// `$defs`, so the engine compiles all of them up front.
    package func bundle(operations: [OperationDefinition]) -> RawJSON {
        var definitions = spec.raw.value(at: JSONPointer(["components", "schemas"]))?.members ?? []
        for operation in operations {
            for parameter in operation.parameters {
                definitions.append((Self.parameterKey(operationID: operation.id, parameter: parameter), parameter.rawSchema))
            }
        }
        let document: RawJSON = .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$comment", .string("Generated from spec/handoffrail.yaml: component schemas, then operation parameter schemas (operationId.location.name).")),
            ("$defs", .object(definitions)),
        ])
        return document.rewritingSchemaReferences(to: "#/$defs/")
    }

    package func translate(definitions: [ModelDefinition], operations: [OperationDefinition]) -> SwiftFile {
        var declarations: [Declaration] = []
        declarations.append(.type(TypeDeclaration(
            doc: [
                "The spec's schemas as one JSON Schema 2020-12 document, compiled once.",
                "",
                "Request bodies and parameters are validated against it before any handler runs;",
                "every issue is reported with its location, in FastAPI's 422 shape.",
            ],
            access: .public, kind: .enum, name: "SpecSchemas",
            members: [
                .property(PropertyDeclaration(
                    doc: ["The document's JSON text, as generated."], access: .public, isStatic: true,
                    name: "documentText", type: "String", initializer: .rawMultilineString(bundle(operations: operations).renderedJSON()))),
                .property(PropertyDeclaration(
                    doc: ["The OpenAPI spec the code was generated from, exactly as written (served at `/openapi.yaml`)."],
                    access: .public, isStatic: true, name: "specificationText", type: "String",
                    initializer: .rawMultilineString(spec.sourceText))),
                .property(PropertyDeclaration(
                    doc: ["The document, parsed."], access: .public, isStatic: true, name: "document", type: "JSONValue",
                    initializer: "JSONValue.embedded(documentText)")),
                .property(PropertyDeclaration(
                    doc: ["The compiled document; formats (uuid, date-time, uri, email, …) are asserted."], access: .public,
                    isStatic: true, name: "validator", type: "JSONSchemaValidator",
                    initializer: "JSONSchemaValidator.embedded(document)")),
            ])))
        declarations.append(.type(TypeDeclaration(
            access: nil, kind: .extension, name: "SpecValidatable",
            members: [
                .function(FunctionDeclaration(
                    doc: ["Every issue of `json` against this type's schema; empty when valid.", "", "Locations are relative to `json`; prefix `body` (or `query`, …) for a FastAPI error."],
                    access: .public, isStatic: true, kind: .function("validate"),
                    parameters: [FunctionParameter(label: nil, name: "json", type: "JSONValue")],
                    returnType: "[ValidationIssue]",
                    body: [.return("SpecSchemas.validator.validate(json, at: schemaPointer)")])),
            ])))
        for definition in definitions {
            if case .alias = definition { continue }
            let pointer = "/$defs/\(JSONPointer.escape(definition.name))"
            declarations.append(.type(TypeDeclaration(
                access: nil, kind: .extension, name: definition.name, conformances: ["SpecValidatable"],
                members: [
                    .property(PropertyDeclaration(
                        doc: ["The location of this type's schema in `SpecSchemas.document` (`#/components/schemas/\(definition.name)` in the spec)."],
                        access: .public, isStatic: true, name: "schemaPointer", type: "String", initializer: .code(quoted(pointer)))),
                ])))
        }
        return SwiftFile(name: "Validators.swift", imports: [ImportDeclaration(module: "Foundation")], declarations: declarations)
    }
}
