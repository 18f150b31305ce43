import Foundation
import OpenAPIKit

/// Collects the spec's operations into `OperationDefinition`s, reporting unsupported constructs.
package struct OperationCollector {
    let spec: ParsedSpec
    let schemas: SchemaTranslator
    let diagnostics: DiagnosticCollector

    package init(spec: ParsedSpec, schemas: SchemaTranslator, diagnostics: DiagnosticCollector) {
        self.spec = spec
        self.schemas = schemas
        self.diagnostics = diagnostics
    }

    /// Component schemas used directly as the body of a PATCH operation.
    package static func patchBodySchemas(in document: OpenAPI.Document) -> Set<String> {
        var names: Set<String> = []
        for route in document.routes {
            guard let operation = route.pathItem.patch, let body = operation.requestBody,
                  let request = document.components[body],
                  let content = request.content[.json].flatMap({ document.components[$0] }),
                  let schema = content.schema,
                  case .reference(let reference, _) = schema.value, let name = reference.name
            else { continue }
            names.insert(name)
        }
        return names
    }

    package func collect() -> [OperationDefinition] {
        var operations: [OperationDefinition] = []
        var seenIDs: Set<String> = []
        for route in spec.document.routes {
            let path = route.path.rawValue
            for endpoint in route.pathItem.endpoints {
                let method = endpoint.method.rawValue.lowercased()
                let pointer = JSONPointer.operation(path: path, method: method)
                guard let operation = translate(endpoint.operation, path: path, method: method, pathItem: route.pathItem, pointer: pointer) else {
                    continue
                }
                guard seenIDs.insert(operation.id).inserted else {
                    diagnostics.error("operationId '\(operation.id)' is used twice", at: pointer.appending("operationId").description)
                    continue
                }
                operations.append(operation)
            }
        }
        return operations
    }

    private func translate(
        _ operation: OpenAPI.Operation, path: String, method: String, pathItem: OpenAPI.PathItem, pointer: JSONPointer
    ) -> OperationDefinition? {
        guard let id = operation.operationId, !id.isEmpty else {
            diagnostics.error("every operation needs an operationId (camelCase, e.g. 'createPacket')", at: pointer.description)
            return nil
        }
        guard SwiftNaming.lowerCamel(id) == id else {
            diagnostics.error("operationId '\(id)' must be lowerCamelCase", at: pointer.appending("operationId").description)
            return nil
        }
        let extensions = operation.vendorExtensions
        let transport = extensions["x-handoffrail-transport"]?.value as? String
        if extensions["x-handoffrail-transport"] != nil && transport == nil {
            diagnostics.error("x-handoffrail-transport must be the string 'sse' or 'websocket'", at: pointer.appending("x-handoffrail-transport").description)
        }
        if let transport, transport != "sse", transport != "websocket" {
            diagnostics.error("x-handoffrail-transport must be 'sse' or 'websocket'", at: pointer.appending("x-handoffrail-transport").description)
        }
        let security = operation.security ?? spec.document.security
        let requiresAuthentication = !security.isEmpty && security.contains { !$0.isEmpty }
        let role = extensions["x-handoffrail-role"]?.value as? String
        if requiresAuthentication && role == nil {
            diagnostics.warning("authenticated operation '\(id)' has no x-handoffrail-role; the server cannot enforce a minimum role", at: pointer.description)
        }
        let raw = spec.raw.value(at: pointer) ?? .object([])
        var parameters: [ParameterDefinition] = []
        let allParameters = pathItem.parameters + operation.parameters
        for (index, parameterEither) in allParameters.enumerated() {
            let parameterPointer = index < pathItem.parameters.count
                ? JSONPointer(["paths", path, "parameters", String(index)])
                : pointer.appending("parameters", String(index - pathItem.parameters.count))
            if let parameter = translateParameter(parameterEither, pointer: parameterPointer, transport: transport) {
                parameters.append(parameter)
            }
        }
        checkPathTemplate(path, parameters: parameters, pointer: pointer)
        let names = parameters.map(\.swiftName) + (operation.requestBody == nil ? [] : ["body"])
        if Set(names).count != names.count {
            diagnostics.error("two inputs of '\(id)' map to the same Swift name", at: pointer.description)
        }
        let body = operation.requestBody.flatMap { translateBody($0, pointer: pointer.appending("requestBody"), operationID: id) }
        var responses: [ResponseDefinition] = []
        for (status, responseEither) in operation.responses {
            let responsePointer = pointer.appending("responses", status.rawValue)
            if let response = translateResponse(status: status, responseEither, pointer: responsePointer, transport: transport) {
                responses.append(response)
            }
        }
        let successes = responses.filter { ($0.status ?? 0) / 100 == 2 }
        if successes.isEmpty && transport == nil {
            diagnostics.error("operation '\(id)' documents no 2xx response", at: pointer.appending("responses").description)
        } else if successes.count > 1 {
            diagnostics.error("operation '\(id)' documents \(successes.count) success responses; the generated flat client returns one success body, so document exactly one 2xx", at: pointer.appending("responses").description)
        }
        if let redirect = responses.first(where: { ($0.status ?? 0) / 100 == 3 }), let status = redirect.status {
            diagnostics.error("redirect responses (\(status)) are not supported", at: pointer.appending("responses", String(status)).description)
        }
        if requiresAuthentication {
            for status in [401, 403] where !responses.contains(where: { $0.status == status }) {
                diagnostics.warning("authenticated operation '\(id)' does not document its \(status) response", at: pointer.appending("responses").description)
            }
        }
        if body != nil, transport == nil, !responses.contains(where: { $0.status == 422 }) {
            diagnostics.warning("operation '\(id)' takes a body but does not document the 422 validation response", at: pointer.appending("responses").description)
        }
        var doc = SchemaTranslator.docLines(operation.description ?? operation.summary, pointer: nil)
        if !doc.isEmpty { doc.append("") }
        doc.append("`\(method.uppercased()) \(path)`\(role.map { " — requires role `\($0)`" } ?? "")")
        doc.append("- Spec: `\(pointer)`")
        return OperationDefinition(
            id: id, typeName: SwiftNaming.upperCamel(id), method: method.uppercased(), path: path, pointer: pointer,
            summary: operation.summary, doc: doc, tags: operation.tags ?? [], requiredRole: role,
            requiresAuthentication: requiresAuthentication, transport: transport, parameters: parameters, body: body,
            responses: responses, tool: translateTool(raw["x-handoffrail-tool"], pointer: pointer.appending("x-handoffrail-tool")))
    }

    private func translateParameter(
        _ either: Either<OpenAPI.Reference<OpenAPI.Parameter>, OpenAPI.Parameter>, pointer: JSONPointer, transport: String?
    ) -> ParameterDefinition? {
        var rawPointer = pointer
        let parameter: OpenAPI.Parameter
        switch either {
        case .a(let reference):
            guard let resolved = try? spec.document.components.lookup(reference), let name = reference.name else {
                diagnostics.error("unresolvable parameter reference", at: pointer.description)
                return nil
            }
            parameter = resolved
            rawPointer = JSONPointer(["components", "parameters", name])
        case .b(let inline):
            parameter = inline
        }
        let rawParameter = spec.raw.value(at: rawPointer)
        let defaultStyle = parameter.context.inQuery ? "form" : "simple"
        if let style = rawParameter?["style"]?.stringValue, style != defaultStyle {
            diagnostics.error("parameter style '\(style)' is not supported; '\(parameter.name)' must use the default style '\(defaultStyle)'", at: rawPointer.appending("style").description)
        }
        if case .bool(let explode)? = rawParameter?["explode"], explode != parameter.context.inQuery {
            diagnostics.error("a non-default 'explode' is not supported", at: rawPointer.appending("explode").description)
        }
        if case .bool(true)? = rawParameter?["allowReserved"] {
            diagnostics.error("'allowReserved' is not supported", at: rawPointer.appending("allowReserved").description)
        }
        let location: ParameterDefinition.Location
        switch parameter.context {
        case .path: location = .path
        case .query: location = .query
        case .header: location = .header
        default:
            diagnostics.error("only path, query and header parameters are supported", at: pointer.description)
            return nil
        }
        guard case .a(let schemaContext) = parameter.schemaOrContent else {
            diagnostics.error("parameters need a 'schema' (content-typed parameters are not supported)", at: pointer.description)
            return nil
        }
        let schema: JSONSchema
        switch schemaContext.schema {
        case .a(let reference): schema = .reference(reference.jsonReference)
        case .b(let inline): schema = inline
        }
        var nested: [ModelDefinition] = []
        guard let type = schemas.resolve(schema, ownerName: "", propertyName: nil, pointer: rawPointer.appending("schema"), nested: &nested) else {
            return nil
        }
        switch type {
        case .string, .integer, .number, .boolean, .uuid, .date, .named: break
        case .array(.string) where transport != nil: break
        default:
            diagnostics.error("parameter '\(parameter.name)' must be a string, integer, number, boolean, uuid, date-time or a string enum component", at: rawPointer.appending("schema").description)
            return nil
        }
        return ParameterDefinition(
            name: parameter.name, swiftName: SwiftNaming.lowerCamel(parameter.name), location: location,
            required: parameter.required, type: type,
            defaultValue: schema.defaultValue.flatMap { RawJSON(anyCodable: $0.value) },
            doc: SchemaTranslator.docLines(parameter.description, pointer: nil), pointer: rawPointer,
            rawSchema: spec.raw.value(at: rawPointer.appending("schema")) ?? .object([]))
    }

    private func translateBody(
        _ either: Either<OpenAPI.Reference<OpenAPI.Request>, OpenAPI.Request>, pointer: JSONPointer, operationID: String
    ) -> BodyDefinition? {
        var rawPointer = pointer
        guard let request = spec.document.components[either] else {
            diagnostics.error("unresolvable request body reference", at: pointer.description)
            return nil
        }
        if case .a(let reference) = either, let name = reference.name {
            rawPointer = JSONPointer(["components", "requestBodies", name])
        }
        guard request.content.count == 1, let media = request.content[.json].flatMap({ spec.document.components[$0] }),
              let schema = media.schema
        else {
            diagnostics.error("request bodies must have exactly one content type, application/json, with a schema", at: rawPointer.appending("content").description)
            return nil
        }
        let schemaPointer = rawPointer.appending("content", "application/json", "schema")
        var nested: [ModelDefinition] = []
        guard let type = schemas.resolve(schema, ownerName: "", propertyName: nil, pointer: schemaPointer, nested: &nested) else {
            return nil
        }
        var schemaName: String?
        if case .reference(let reference, _) = schema.value { schemaName = reference.name }
        return BodyDefinition(
            type: type, schemaName: schemaName, required: request.required,
            rawSchema: spec.raw.value(at: schemaPointer) ?? .object([]))
    }

    private func translateResponse(
        status: OpenAPI.Response.StatusCode, _ either: Either<OpenAPI.Reference<OpenAPI.Response>, OpenAPI.Response>,
        pointer: JSONPointer, transport: String?
    ) -> ResponseDefinition? {
        var rawPointer = pointer
        guard let response = spec.document.components[either] else {
            diagnostics.error("unresolvable response reference", at: pointer.description)
            return nil
        }
        if case .a(let reference) = either, let name = reference.name {
            rawPointer = JSONPointer(["components", "responses", name])
        }
        if !(response.headers?.isEmpty ?? true) {
            diagnostics.warning("response headers are documented only: generated outputs do not carry them (clients read them from the transport response)", at: rawPointer.appending("headers").description)
        }
        let code: Int?
        switch status.value {
        case .default: code = nil
        case .status(let value): code = value
        case .range:
            diagnostics.error("status ranges (2XX) are not supported; document each status", at: pointer.description)
            return nil
        }
        let content: ResponseDefinition.Content
        if response.content.isEmpty {
            content = .none
        } else if response.content.count > 1 {
            diagnostics.error("a response may have one content type", at: rawPointer.appending("content").description)
            return nil
        } else {
            let (contentType, mediaEither) = response.content.first!
            let typeName = contentType.rawValue
            if contentType == .json {
                guard let media = spec.document.components[mediaEither], let schema = media.schema else {
                    diagnostics.error("JSON responses need a schema", at: rawPointer.appending("content", typeName).description)
                    return nil
                }
                let schemaPointer = rawPointer.appending("content", typeName, "schema")
                var nested: [ModelDefinition] = []
                guard let type = schemas.resolve(schema, ownerName: "", propertyName: nil, pointer: schemaPointer, nested: &nested) else {
                    return nil
                }
                var schemaName: String?
                if case .reference(let reference, _) = schema.value { schemaName = reference.name }
                if type.needsWireWrapper {
                    diagnostics.error("a response body that is a bare uuid/date-time (or a collection of them) is not supported; wrap it in a component object", at: schemaPointer.description)
                    return nil
                }
                content = .json(type, schemaName: schemaName, rawSchema: spec.raw.value(at: schemaPointer) ?? .object([]))
            } else if typeName.hasPrefix("text/") || typeName == "application/yaml" {
                content = .text(contentType: typeName)
            } else {
                diagnostics.error("unsupported response content type '\(typeName)' (use application/json, text/* or application/yaml)", at: rawPointer.appending("content").description)
                return nil
            }
        }
        return ResponseDefinition(
            status: code, caseName: Self.caseName(for: code), doc: SchemaTranslator.docLines(response.description, pointer: nil),
            content: content)
    }

    private func translateTool(_ raw: RawJSON?, pointer: JSONPointer) -> ToolExtension? {
        guard let raw else { return nil }
        guard let name = raw["name"]?.stringValue, let description = raw["description"]?.stringValue else {
            diagnostics.error("x-handoffrail-tool needs 'name' and 'description'", at: pointer.description)
            return nil
        }
        var identity: [String] = []
        if case .array(let items)? = raw["identity"] {
            identity = items.compactMap(\.stringValue)
        }
        return ToolExtension(name: name, description: description, identity: identity)
    }

    /// Every `{name}` of the path must be a whole segment and a declared path parameter, and back.
    private func checkPathTemplate(_ path: String, parameters: [ParameterDefinition], pointer: JSONPointer) {
        var variables: [String] = []
        for segment in path.split(separator: "/") where segment.contains("{") || segment.contains("}") {
            guard segment.hasPrefix("{"), segment.hasSuffix("}"), segment.dropFirst().dropLast().allSatisfy({ $0 != "{" && $0 != "}" }) else {
                diagnostics.error("path segment '\(segment)' must be a whole '{name}' template", at: pointer.description)
                continue
            }
            variables.append(String(segment.dropFirst().dropLast()))
        }
        let declared = parameters.filter { $0.location == .path }.map(\.name)
        if Set(variables) != Set(declared) {
            diagnostics.error("path template variables \(variables.sorted()) do not match the path parameters \(declared.sorted())", at: pointer.appending("parameters").description)
        }
    }

    /// The Output case name of a status code.
    static func caseName(for status: Int?) -> String {
        guard let status else { return "default" }
        return statusNames[status] ?? "status\(status)"
    }

    private static let statusNames: [Int: String] = [
        200: "ok", 201: "created", 202: "accepted", 204: "noContent", 301: "movedPermanently", 304: "notModified",
        400: "badRequest", 401: "unauthorized", 403: "forbidden", 404: "notFound", 405: "methodNotAllowed",
        409: "conflict", 410: "gone", 413: "contentTooLarge", 415: "unsupportedMediaType",
        422: "unprocessableContent", 429: "tooManyRequests", 500: "internalServerError", 501: "notImplemented",
        502: "badGateway", 503: "serviceUnavailable", 504: "gatewayTimeout",
    ]
}
