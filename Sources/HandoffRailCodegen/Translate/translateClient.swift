/// Translates operations into the `client` output: an extension of the hand-written
/// `HandoffRailOperations` protocol (adopted by `HandoffRailAPIClient` and the retrying
/// `HandoffRailClient`) with, per operation, a full-fidelity method (typed `Input` → typed
/// `Output`, every documented response), a flat method (plain arguments → the success body,
/// every other answer thrown as `HandoffRailError` with its decoded body and response
/// headers) and the internal `exchange(_:)` both share (send, decode, keep the response).
package struct ClientTranslator {
    package init() {}

    package func translate(_ operations: [OperationDefinition]) -> SwiftFile {
        let routed = operations.filter(\.isGeneratedRoute)
        var members: [Declaration] = []
        for operation in routed {
            members.append(.function(fullFidelity(operation)))
            members.append(.function(flat(operation)))
            members.append(.function(exchange(operation)))
        }
        return SwiftFile(
            name: "Client.swift",
            imports: [ImportDeclaration(module: "Foundation"), ImportDeclaration(module: "HandoffRailModels")],
            declarations: [
                .type(errorBody(routed)),
                .type(TypeDeclaration(access: nil, kind: .extension, name: "HandoffRailOperations", members: members)),
            ])
    }

    /// Every error payload type the spec documents, as one enum.
    private func errorBody(_ operations: [OperationDefinition]) -> TypeDeclaration {
        var members: [Declaration] = []
        var seen: Set<String> = []
        for response in operations.flatMap(\.responses) where (response.status ?? 500) >= 400 {
            guard let payload = response.payloadType, seen.insert(Self.errorCaseName(payload)).inserted else { continue }
            members.append(.enumCase(EnumCaseDeclaration(name: Self.errorCaseName(payload), associatedValues: [(nil, payload)])))
        }
        members.append(.enumCase(EnumCaseDeclaration(doc: ["An error response without a body."], name: "empty")))
        members.append(.enumCase(EnumCaseDeclaration(
            doc: ["A body the spec does not document for this status."], name: "undocumented", associatedValues: [(nil, "Data")])))
        return TypeDeclaration(
            doc: ["The decoded body of an error response, one case per error schema of the spec."],
            access: .public, kind: .enum, name: "APIErrorBody", conformances: ["Sendable", "Hashable"], members: members)
    }

    /// An optional parameter whose `Input` member holds the spec default rather than `nil`.
    static func hasSpecDefault(_ parameter: ParameterDefinition) -> Bool {
        !parameter.required && parameter.defaultValue != nil
    }

    static func errorCaseName(_ payloadType: String) -> String {
        payloadType == "String" ? "text" : SwiftNaming.lowerCamel(payloadType)
    }

    private func fullFidelity(_ operation: OperationDefinition) -> FunctionDeclaration {
        let namespace = "Operations.\(operation.typeName)"
        return FunctionDeclaration(
            doc: operation.doc + ["", "Returns every documented response as a typed `Output`; throws `HandoffRailError` only when no answer arrives (`.connection`, `.timeout`) or a body does not decode."],
            access: .public, kind: .function(SwiftNaming.lowerCamel(operation.id)),
            parameters: [FunctionParameter(label: nil, name: "input", type: "\(namespace).Input")],
            isAsync: true, isThrowing: true, returnType: "\(namespace).Output",
            body: [.return(.code("try await exchange(input).output"))])
    }

    private func exchange(_ operation: OperationDefinition) -> FunctionDeclaration {
        let namespace = "Operations.\(operation.typeName)"
        let buildsRequest = !operation.parameters.isEmpty || operation.body != nil
        var body: [Statement] = [
            .declaration(isLet: !buildsRequest, name: "request", type: nil, value: .code("ClientRequest(\(namespace).descriptor)")),
        ]
        for parameter in operation.parameters {
            let setter: String
            switch parameter.location {
            case .path: setter = "setPathParameter"
            case .query: setter = "addQueryParameter"
            case .header: setter = "setHeader"
            }
            body.append(.expression("request.\(setter)(\(quoted(parameter.name)), input.\(SwiftNaming.unescaped(parameter.swiftName)))"))
        }
        if operation.body != nil {
            body.append(.expression("try request.setJSONBody(input.body)"))
        }
        body.append(.declaration(isLet: true, name: "response", type: nil, value: "try await send(request)"))
        var cases: [SwitchCase] = []
        var defaultResponse: ResponseDefinition?
        for response in operation.responses {
            guard let status = response.status else {
                defaultResponse = response
                continue
            }
            let caseName = SwiftNaming.escapeIdentifier(response.caseName)
            switch response.content {
            case .none: cases.append(SwitchCase([String(status)], [.return(.code("(.\(caseName), response)"))]))
            case .json(let type, _, _): cases.append(SwitchCase([String(status)], [.return(.code("try (.\(caseName)(response.decodeJSON(\(type.swift).self)), response)"))]))
            case .text: cases.append(SwitchCase([String(status)], [.return(.code("(.\(caseName)(response.text), response)"))]))
            }
        }
        if let defaultResponse {
            switch defaultResponse.content {
            case .none: cases.append(SwitchCase([], [.return("(.default(statusCode: response.statusCode), response)")]))
            case .json(let type, _, _): cases.append(SwitchCase([], [.return(.code("try (.default(statusCode: response.statusCode, response.decodeJSON(\(type.swift).self)), response)"))]))
            case .text: cases.append(SwitchCase([], [.return("(.default(statusCode: response.statusCode, response.text), response)")]))
            }
        } else {
            cases.append(SwitchCase([], [.return("(.undocumented(statusCode: response.statusCode, body: response.body), response)")]))
        }
        body.append(.switch(subject: "response.statusCode", cases: cases))
        return FunctionDeclaration(
            doc: ["Sends `\(operation.id)` and decodes the answer into its `Output`, keeping the raw response for error details."],
            kind: .function("exchange"),
            parameters: [FunctionParameter(label: nil, name: "input", type: "\(namespace).Input")],
            isAsync: true, isThrowing: true, returnType: "(output: \(namespace).Output, response: TransportResponse)", body: body)
    }

    private func flat(_ operation: OperationDefinition) -> FunctionDeclaration {
        let namespace = "Operations.\(operation.typeName)"
        var parameters: [FunctionParameter] = []
        var arguments: [String] = []
        let pathParameters = operation.parameters.filter { $0.location == .path }
        let otherParameters = operation.parameters.filter { $0.location != .path }
        for parameter in pathParameters {
            let label = SwiftNaming.unescaped(parameter.swiftName)
            parameters.append(FunctionParameter(label: label, name: parameter.swiftName, type: OperationsTranslator.storageType(parameter)))
            arguments.append("\(label): \(parameter.swiftName)")
        }
        if let requestBody = operation.body {
            let type = requestBody.required ? requestBody.type.swift : requestBody.type.swift + "?"
            parameters.append(FunctionParameter(label: pathParameters.isEmpty ? nil : "body", name: "body", type: type, defaultValue: requestBody.required ? nil : "nil"))
        }
        for parameter in otherParameters {
            let label = SwiftNaming.unescaped(parameter.swiftName)
            let type = parameter.required ? parameter.type.swift : parameter.type.swift + "?"
            parameters.append(FunctionParameter(label: label, name: parameter.swiftName, type: type, defaultValue: parameter.required ? nil : "nil"))
            if !Self.hasSpecDefault(parameter) {
                arguments.append("\(label): \(parameter.swiftName)")
            }
        }
        if operation.body != nil { arguments.append("body: body") }
        // Defaulted optional parameters keep the spec default unless the caller passes a value.
        let defaulted = otherParameters.filter(Self.hasSpecDefault)
        var body: [Statement] = [.declaration(isLet: defaulted.isEmpty, name: "input", type: nil, value: .code("\(namespace).Input(\(arguments.joined(separator: ", ")))"))]
        for parameter in defaulted {
            let label = SwiftNaming.unescaped(parameter.swiftName)
            body.append(.if(condition: "let \(parameter.swiftName)", then: [.expression("input.\(label) = \(parameter.swiftName)")], else: nil))
        }
        let success = operation.successResponse
        body.append(.declaration(isLet: true, name: "answer", type: nil, value: "try await exchange(input)"))
        var cases: [SwitchCase] = []
        for response in operation.responses {
            if response == success {
                cases.append(SwitchCase([response.outputPattern()], [.return(response.payloadType == nil ? nil : .code("payload"))]))
            } else {
                let errorBody = response.payloadType.map { ".\(Self.errorCaseName($0))(payload)" } ?? ".empty"
                cases.append(SwitchCase([Self.errorPattern(response)], [.throw(Self.error(operation, body: errorBody))]))
            }
        }
        cases.append(SwitchCase([".undocumented(_, let data)"], [.throw(Self.error(operation, body: ".undocumented(data)"))]))
        body.append(.switch(subject: "answer.output", cases: cases))
        let returnType = success?.payloadType
        return FunctionDeclaration(
            doc: operation.doc + ["", "Returns the success body; any other answer is thrown as a `HandoffRailError` carrying its decoded body."],
            attributes: returnType == nil ? [] : ["@discardableResult"],
            access: .public, kind: .function(SwiftNaming.lowerCamel(operation.id)), parameters: parameters,
            isAsync: true, isThrowing: true, returnType: returnType, body: body)
    }

    /// The pattern of an error response in the flat method: binds the payload, never the
    /// status (the error reads it from the response).
    private static func errorPattern(_ response: ResponseDefinition) -> String {
        let name = "." + SwiftNaming.escapeIdentifier(response.caseName)
        guard response.payloadType != nil else { return name }
        return response.status == nil ? "\(name)(_, let payload)" : "\(name)(let payload)"
    }

    private static func error(_ operation: OperationDefinition, body: String) -> String {
        "HandoffRailError(operationID: \(quoted(operation.id)), response: answer.response, body: \(body))"
    }
}
