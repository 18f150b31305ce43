/// Translates operations into the `operations` output: per operation a namespace with its
/// descriptor, typed `Input` and `Output`, plus the `HandoffRailAPI` protocol that the
/// service implements (one `async throws` method per operation).
package struct OperationsTranslator {
    let models: ModelsTranslator

    package init(models: ModelsTranslator) { self.models = models }

    package func translate(_ operations: [OperationDefinition]) -> [SwiftFile] {
        var namespaces: [Declaration] = []
        for operation in operations {
            namespaces.append(.type(namespace(for: operation)))
        }
        let all = PropertyDeclaration(
            doc: ["Every operation of the spec, in spec order."], access: .public, isStatic: true, name: "all",
            type: "[OperationDescriptor]",
            initializer: .code("[" + operations.map { "\($0.typeName).descriptor" }.joined(separator: ", ") + "]"))
        let operationsFile = SwiftFile(
            name: "Operations.swift",
            imports: [ImportDeclaration(module: "Foundation")],
            declarations: [
                .type(TypeDeclaration(
                    doc: ["The spec's operations: descriptors, inputs and outputs."], access: .public, kind: .enum,
                    name: "Operations", members: [.property(all)])),
                .type(TypeDeclaration(access: nil, kind: .extension, name: "Operations", members: namespaces)),
            ])
        let apiFile = SwiftFile(
            name: "APIProtocol.swift",
            imports: [ImportDeclaration(module: "Foundation")],
            declarations: [.type(apiProtocol(operations.filter(\.isGeneratedRoute)))])
        return [operationsFile, apiFile]
    }

    private func namespace(for operation: OperationDefinition) -> TypeDeclaration {
        var members: [Declaration] = []
        let role = operation.requiredRole.map(quoted) ?? "nil"
        let transport = operation.transport.map(quoted) ?? "nil"
        members.append(.property(PropertyDeclaration(
            doc: ["Method, path and access rules."], access: .public, isStatic: true, name: "descriptor",
            type: "OperationDescriptor",
            initializer: .code("OperationDescriptor(id: \(quoted(operation.id)), method: \(quoted(operation.method)), path: \(quoted(operation.path)), requiredRole: \(role), requiresAuthentication: \(operation.requiresAuthentication), transport: \(transport))"))))
        if operation.isGeneratedRoute {
            members.append(.type(input(for: operation)))
            members.append(.type(output(for: operation)))
        }
        return TypeDeclaration(doc: operation.doc, access: .public, kind: .enum, name: operation.typeName, members: members)
    }

    /// The Swift type a parameter is stored as in `Input`.
    static func storageType(_ parameter: ParameterDefinition) -> String {
        parameter.required || ClientTranslator.hasSpecDefault(parameter) ? parameter.type.swift : parameter.type.swift + "?"
    }

    private func input(for operation: OperationDefinition) -> TypeDeclaration {
        var members: [Declaration] = []
        var parameters: [FunctionParameter] = []
        var body: [Statement] = []
        for parameter in operation.parameters {
            let type = Self.storageType(parameter)
            var doc = parameter.doc
            doc.append("- \(parameter.location.rawValue.capitalized) parameter `\(parameter.name)`.")
            members.append(.property(PropertyDeclaration(doc: doc, access: .public, isLet: false, name: parameter.swiftName, type: type)))
            let label = SwiftNaming.unescaped(parameter.swiftName)
            var defaultValue: String?
            if let value = parameter.defaultValue, !parameter.required {
                defaultValue = models.literal(value, as: parameter.type, at: parameter.pointer.appending("schema"))
            } else if !parameter.required {
                defaultValue = "nil"
            }
            parameters.append(FunctionParameter(label: label, name: parameter.swiftName, type: type, defaultValue: defaultValue))
            body.append(.expression("self.\(label) = \(parameter.swiftName)"))
        }
        if let requestBody = operation.body {
            let type = requestBody.required ? requestBody.type.swift : requestBody.type.swift + "?"
            members.append(.property(PropertyDeclaration(doc: ["The JSON request body."], access: .public, isLet: false, name: "body", type: type)))
            parameters.append(FunctionParameter(label: "body", name: "body", type: type, defaultValue: requestBody.required ? nil : "nil"))
            body.append(.expression("self.body = body"))
        }
        members.append(.function(FunctionDeclaration(
            doc: ["Creates an input; optional parameters default as the spec says."], access: .public, kind: .initializer,
            parameters: parameters, body: body)))
        return TypeDeclaration(
            doc: ["Everything a caller sends: path, query and header parameters and the body."], access: .public,
            kind: .struct, name: "Input", conformances: ["Sendable", "Hashable"], members: members)
    }

    private func output(for operation: OperationDefinition) -> TypeDeclaration {
        var members: [Declaration] = []
        var statusCases: [SwitchCase] = []
        for response in operation.responses {
            var doc = response.doc
            doc.append("- Status: \(response.status.map(String.init) ?? "any other")")
            let caseName = SwiftNaming.escapeIdentifier(response.caseName)
            let statusValue: [(label: String?, type: String)] = response.status == nil ? [("statusCode", "Int")] : []
            members.append(.enumCase(EnumCaseDeclaration(
                doc: doc, name: caseName, associatedValues: statusValue + (response.payloadType.map { [(nil, $0)] } ?? []))))
            statusCases.append(SwitchCase([response.outputPattern(bindingPayload: false)], [.return(.code(response.statusExpression))]))
        }
        members.append(.enumCase(EnumCaseDeclaration(
            doc: ["A status the spec does not document for this operation, with the raw body (seen by clients of a newer server)."],
            name: "undocumented", associatedValues: [("statusCode", "Int"), ("body", "Data")])))
        statusCases.append(SwitchCase([".undocumented(let statusCode, _)"], [.return("statusCode")]))
        members.append(.property(PropertyDeclaration(
            doc: ["The HTTP status of this output."], access: .public, name: "statusCode", type: "Int",
            getter: [.switch(subject: "self", cases: statusCases)])))
        return TypeDeclaration(
            doc: ["Every documented response, typed."], access: .public, kind: .enum, name: "Output",
            conformances: ["Sendable", "Hashable"], members: members)
    }

    private func apiProtocol(_ operations: [OperationDefinition]) -> TypeDeclaration {
        let members: [Declaration] = operations.map { operation in
            var parameters = [FunctionParameter(label: nil, name: "input", type: "Operations.\(operation.typeName).Input")]
            if operation.requiresAuthentication {
                parameters.append(FunctionParameter(label: "caller", name: "caller", type: "APICaller"))
            }
            return .function(FunctionDeclaration(
                doc: operation.doc, kind: .function(SwiftNaming.lowerCamel(operation.id)), parameters: parameters,
                isAsync: true, isThrowing: true, returnType: "Operations.\(operation.typeName).Output"))
        }
        return TypeDeclaration(
            doc: [
                "The HandoffRail API, one method per operation of the spec.",
                "",
                "The service implements it without any HTTP or database knowledge: inputs arrive decoded",
                "and validated, the authenticated caller arrives as a parameter, and the output names the",
                "documented response to send. The generated routes (server) and in-process transports call it.",
            ],
            access: .public, kind: .protocol, name: "HandoffRailAPI", conformances: ["Sendable"], members: members)
    }
}
