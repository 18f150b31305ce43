/// Translates operations into the `server` output: a Hummingbird route per operation that
/// reads and validates every input (collecting all issues into one 422 before the handler
/// runs), calls the `HandoffRailAPI` method and writes the typed output.
package struct ServerTranslator {
    let models: ModelsTranslator
    let diagnostics: DiagnosticCollector

    package init(models: ModelsTranslator, diagnostics: DiagnosticCollector) {
        self.models = models
        self.diagnostics = diagnostics
    }

    package func translate(_ operations: [OperationDefinition]) -> SwiftFile {
        let routed = operations.filter(\.isGeneratedRoute)
        var members: [Declaration] = [
            .property(PropertyDeclaration(doc: ["The implementation the routes call."], access: .public, name: "api", type: "API")),
            .function(FunctionDeclaration(
                doc: ["Routes that call `api`."], access: .public, kind: .initializer,
                parameters: [FunctionParameter(label: "api", name: "api", type: "API")],
                body: [.expression("self.api = api")])),
            .function(FunctionDeclaration(
                doc: [
                    "Registers one route per generated operation.",
                    "",
                    "SSE and WebSocket operations (`x-handoffrail-transport`) are not registered here;",
                    "their hand-written handlers are added by the server.",
                ],
                access: .public, kind: .function("register"), genericParameters: "Methods: RouterMethods<Context>",
                parameters: [FunctionParameter(label: "on", name: "router", type: "Methods")],
                body: routed.map { operation in
                    .expression("router.on(\(quoted(Self.hummingbirdPath(operation.path))), method: .\(operation.method.lowercased())) { request, context in try await self.\(SwiftNaming.lowerCamel(operation.id))(request, context: context) }")
                })),
        ]
        members += routed.compactMap { handler(for: $0).map(Declaration.function) }
        return SwiftFile(
            name: "Routes.swift",
            imports: [
                ImportDeclaration(module: "Foundation"), ImportDeclaration(module: "HandoffRailModels"),
                ImportDeclaration(module: "Hummingbird"),
            ],
            declarations: [.type(TypeDeclaration(
                doc: [
                    "The spec's operations as Hummingbird routes over a `HandoffRailAPI`.",
                    "",
                    "```swift",
                    "let router = Router(context: HandoffRailRequestContext.self)",
                    "GeneratedRoutes(api: service).register(on: router)",
                    "```",
                ],
                access: .public, kind: .struct, name: "GeneratedRoutes<API: HandoffRailAPI, Context: HandoffRailRequestContextProtocol>",
                conformances: ["Sendable"], members: members))])
    }

    /// `/packets/{packet_id}` → `/packets/:packet_id`.
    static func hummingbirdPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : String(segment)
        }.joined(separator: "/")
    }

    private func handler(for operation: OperationDefinition) -> FunctionDeclaration? {
        var body: [Statement] = []
        if operation.requiresAuthentication {
            body.append(.declaration(isLet: true, name: "authenticatedCaller", type: nil, value: "try context.requireCaller()"))
        }
        let readsInputs = !operation.parameters.isEmpty || operation.body != nil
        body.append(.declaration(isLet: !readsInputs, name: "requestReader", type: nil, value: "RequestReader(request: request, context: context)"))
        var arguments: [String] = []
        for parameter in operation.parameters {
            let label = SwiftNaming.unescaped(parameter.swiftName)
            let local = parameter.swiftName
            let schema = ValidatorsTranslator.parameterPointer(operationID: operation.id, parameter: parameter)
            var read = "requestReader.\(parameter.location.rawValue)(\(quoted(parameter.name)), as: \(parameter.type.swift).self, schema: \(quoted(schema)), required: \(parameter.required))"
            if !parameter.required, let value = parameter.defaultValue {
                read = "\(read) ?? \(models.literal(value, as: parameter.type, at: parameter.pointer.appending("schema")))"
            }
            body.append(.declaration(isLet: true, name: local, type: nil, value: .code(read)))
            arguments.append(parameter.required ? "\(label): try requestReader.unwrap(\(local))" : "\(label): \(local)")
        }
        if let requestBody = operation.body {
            body.append(.declaration(isLet: true, name: "requestBody", type: nil, value: .code("try await requestReader.jsonBody(\(requestBody.type.swift).self, required: \(requestBody.required))")))
            arguments.append(requestBody.required ? "body: try requestReader.unwrap(requestBody)" : "body: requestBody")
        }
        body.append(.expression("try requestReader.finish()"))
        body.append(.declaration(isLet: true, name: "operationInput", type: nil, value: .code("Operations.\(operation.typeName).Input(\(arguments.joined(separator: ", ")))")))
        let call = "try await self.api.\(SwiftNaming.lowerCamel(operation.id))(operationInput\(operation.requiresAuthentication ? ", caller: authenticatedCaller" : ""))"
        var cases: [SwitchCase] = []
        for response in operation.responses {
            let status = response.statusExpression
            let write: String
            switch response.content {
            case .none: write = "ResponseWriter.empty(status: \(status))"
            case .json: write = "try ResponseWriter.json(payload, status: \(status))"
            case .text(let contentType): write = "ResponseWriter.text(payload, contentType: \(quoted(contentType)), status: \(status))"
            }
            cases.append(SwitchCase([response.outputPattern()], [.return(.code(write))]))
        }
        cases.append(SwitchCase([".undocumented(let statusCode, let data)"], [.return("ResponseWriter.raw(data, status: statusCode)")]))
        body.append(.switch(subject: call, cases: cases))
        return FunctionDeclaration(
            doc: operation.doc, access: nil, kind: .function(SwiftNaming.lowerCamel(operation.id)),
            parameters: [
                FunctionParameter(label: nil, name: "request", type: "Request"),
                FunctionParameter(label: "context", name: "context", type: "Context"),
            ],
            isAsync: true, isThrowing: true, returnType: "Response", body: body)
    }
}

