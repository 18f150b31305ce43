/// Translates operations with `x-handoffrail-tool` into the `tools` output: `ToolSpec`s with
/// LLM-facing names and descriptions, self-contained input/output schemas and HTTP bindings.
package struct ToolsTranslator {
    let builder: ToolSchemaBuilder

    package init(builder: ToolSchemaBuilder) { self.builder = builder }

    package func translate(_ operations: [OperationDefinition]) -> SwiftFile {
        var members: [Declaration] = []
        var names: [String] = []
        for operation in operations {
            guard let tool = operation.tool, let schemas = builder.build(operation, tool: tool) else { continue }
            let propertyName = SwiftNaming.lowerCamel(operation.id)
            names.append(propertyName)
            let bindings = schemas.bindings.map { argument, binding in
                let value: String
                switch binding {
                case .path(let name): value = ".path(\(quoted(name)))"
                case .query(let name): value = ".query(\(quoted(name)))"
                case .header(let name): value = ".header(\(quoted(name)))"
                case .body(let name): value = ".body(\(quoted(name)))"
                }
                return "\(quoted(argument)): \(value)"
            }
            let arguments = [
                "name: \(quoted(tool.name))",
                "description: \(quoted(tool.description))",
                "operationID: \(quoted(operation.id))",
                "method: \(quoted(operation.method))",
                "path: \(quoted(operation.path))",
                "bindings: [\(bindings.isEmpty ? ":" : bindings.joined(separator: ", "))]",
                "identityFields: [\(tool.identity.map(quoted).joined(separator: ", "))]",
                "inputSchema: JSONValue.embedded(\(propertyName)Input)",
                "outputSchema: JSONValue.embedded(\(propertyName)Output)",
            ]
            members.append(.property(PropertyDeclaration(
                doc: ["`\(tool.name)`: \(Self.sentence(operation.summary ?? operation.id))", "", "- Spec: `\(operation.pointer)`"],
                access: .public, isStatic: true, name: propertyName, type: "ToolSpec",
                initializer: .code("ToolSpec(\n    " + arguments.joined(separator: ",\n    ") + ")"))))
            members.append(.property(PropertyDeclaration(
                access: .private, isStatic: true, name: "\(propertyName)Input", type: "String",
                initializer: .rawMultilineString(schemas.inputSchema.renderedJSON()))))
            members.append(.property(PropertyDeclaration(
                access: .private, isStatic: true, name: "\(propertyName)Output", type: "String",
                initializer: .rawMultilineString(schemas.outputSchema.renderedJSON()))))
        }
        members.insert(.property(PropertyDeclaration(
            doc: ["Every tool of the spec, in spec order."], access: .public, isStatic: true, name: "generated",
            type: "[ToolSpec]", initializer: .code("[" + names.map { "\($0)" }.joined(separator: ", ") + "]"))), at: 0)
        return SwiftFile(
            name: "Tools.swift",
            imports: [ImportDeclaration(module: "Foundation"), ImportDeclaration(module: "HandoffRailModels")],
            declarations: [.type(TypeDeclaration(access: nil, kind: .extension, name: "ToolSpec", members: members))])
    }

    /// `text` ending in exactly one period.
    static func sentence(_ text: String) -> String {
        var result = text.trimmingTrailingWhitespace()
        while result.hasSuffix(".") { result.removeLast() }
        return result + "."
    }
}
