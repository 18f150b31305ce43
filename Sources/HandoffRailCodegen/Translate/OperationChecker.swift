/// Checks that operations only use component types the generated server and client can
/// handle: bodies must be structs or unions (they are validated by their schema), named
/// parameter types must be string enums (they travel as strings), and tool names are unique.
struct OperationChecker {
    let definitions: [ModelDefinition]
    let diagnostics: DiagnosticCollector

    func check(_ operations: [OperationDefinition]) {
        let byName = Dictionary(definitions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var toolNames: [String: String] = [:]
        for operation in operations {
            if let body = operation.body, operation.isGeneratedRoute {
                switch body.type {
                case .named(let name) where byName[name].map(Self.isObjectLike) == true: break
                default:
                    diagnostics.error("request bodies must reference a component object or oneOf schema", at: operation.pointer.appending("requestBody").description)
                }
            }
            for parameter in operation.parameters {
                if case .named(let name) = parameter.type, case .stringEnum? = byName[name] { continue }
                if case .named = parameter.type {
                    diagnostics.error("parameter '\(parameter.name)' references a component that is not a string enum", at: parameter.pointer.appending("schema").description)
                }
            }
            if let tool = operation.tool {
                if let other = toolNames[tool.name] {
                    diagnostics.error("tool name '\(tool.name)' is also used by '\(other)'", at: operation.pointer.appending("x-handoffrail-tool", "name").description)
                }
                toolNames[tool.name] = operation.id
                if operation.parameters.contains(where: { $0.location == .header && $0.required }) {
                    diagnostics.error("tools cannot carry required header parameters", at: operation.pointer.appending("x-handoffrail-tool").description)
                }
            }
        }
    }

    private static func isObjectLike(_ definition: ModelDefinition) -> Bool {
        switch definition {
        case .structure, .union: return true
        case .stringEnum, .alias: return false
        }
    }
}
