/// Builds a tool's self-contained input and output JSON Schemas from the raw spec: path,
/// query and body inputs flattened into one object, `$ref`s inlined, identity fields removed.
package struct ToolSchemaBuilder {
    let spec: ParsedSpec
    let diagnostics: DiagnosticCollector

    /// Where a top-level tool argument goes in the HTTP request.
    package enum Binding: Sendable, Hashable {
        case path(String), query(String), header(String), body(String)
    }

    package struct Result: Sendable {
        package var inputSchema: RawJSON
        package var outputSchema: RawJSON
        package var bindings: [(argument: String, binding: Binding)]
    }

    package init(spec: ParsedSpec, diagnostics: DiagnosticCollector) {
        self.spec = spec
        self.diagnostics = diagnostics
    }

    package func build(_ operation: OperationDefinition, tool: ToolExtension) -> Result? {
        let pointer = operation.pointer.appending("x-handoffrail-tool")
        var properties: [(key: String, value: RawJSON)] = []
        var required: [String] = []
        var bindings: [(argument: String, binding: Binding)] = []
        for parameter in operation.parameters where parameter.location != .header {
            guard let schema = inline(parameter.rawSchema, at: parameter.pointer, visiting: []) else { return nil }
            var described = schema
            if let description = parameter.doc.first, !description.isEmpty, schema["description"] == nil {
                described = schema.setting("description", to: .string(parameter.doc.joined(separator: "\n")))
            }
            properties.append((parameter.name, described))
            if parameter.required { required.append(parameter.name) }
            bindings.append((parameter.name, parameter.location == .path ? .path(parameter.name) : .query(parameter.name)))
        }
        if let body = operation.body {
            guard let schema = inline(body.rawSchema, at: operation.pointer.appending("requestBody"), visiting: []) else { return nil }
            guard schema["properties"] != nil else {
                diagnostics.error("a tool's request body must be an object with properties (they become the tool's arguments)", at: operation.pointer.appending("requestBody").description)
                return nil
            }
            for (name, value) in schema["properties"]?.members ?? [] {
                if properties.contains(where: { $0.key == name }) {
                    diagnostics.error("tool input '\(name)' is both a parameter and a body property", at: pointer.description)
                    return nil
                }
                properties.append((name, value))
                bindings.append((name, .body(name)))
            }
            if case .array(let names)? = schema["required"] {
                required += names.compactMap(\.stringValue)
            }
        }
        var input: RawJSON = .object([
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("required", .array(required.map(RawJSON.string))),
        ])
        for identityPath in tool.identity {
            guard let stripped = removing(identityPath, from: input) else {
                diagnostics.error("identity input '\(identityPath)' does not exist in the tool's inputs (use body.<path>, query.<name> or path.<name>)", at: pointer.appending("identity").description)
                return nil
            }
            input = stripped
            let top = identityPath.split(separator: ".").dropFirst().first.map { String($0.hasSuffix("[]") ? $0.dropLast(2) : $0) }
            if let top, input["properties"]?[top] == nil { bindings.removeAll { $0.argument == top } }
        }
        var output: RawJSON = .object([])
        if let success = operation.successResponse, case .json(_, _, let raw) = success.content {
            guard let inlined = inline(raw, at: operation.pointer.appending("responses"), visiting: []) else { return nil }
            output = inlined
        }
        return Result(inputSchema: input, outputSchema: output, bindings: bindings)
    }

    /// Replaces every `$ref` by the referenced component schema, recursively.
    private func inline(_ schema: RawJSON, at pointer: JSONPointer, visiting: Set<String>) -> RawJSON? {
        switch schema {
        case .array(let items):
            var result: [RawJSON] = []
            for item in items {
                guard let inlined = inline(item, at: pointer, visiting: visiting) else { return nil }
                result.append(inlined)
            }
            return .array(result)
        case .object(let members):
            if case .string(let target)? = schema["$ref"] {
                guard target.hasPrefix(RawJSON.componentSchemaPrefix) else {
                    diagnostics.error("tool schemas can only reference component schemas, found '\(target)'", at: pointer.description)
                    return nil
                }
                let name = String(target.dropFirst(RawJSON.componentSchemaPrefix.count))
                guard !visiting.contains(name) else {
                    diagnostics.error("schema '\(name)' is recursive and cannot be inlined into a tool schema", at: pointer.description)
                    return nil
                }
                guard let referenced = spec.raw.value(at: .schema(name)) else {
                    diagnostics.error("unresolvable reference '\(target)'", at: pointer.description)
                    return nil
                }
                return inline(referenced, at: .schema(name), visiting: visiting.union([name]))
            }
            var result: [(key: String, value: RawJSON)] = []
            for (key, value) in members where !key.hasPrefix("x-") {
                guard let inlined = inline(value, at: pointer, visiting: visiting) else { return nil }
                result.append((key, inlined))
            }
            return .object(result)
        default:
            return schema
        }
    }

    /// Removes the property at `body.a.b` (or `query.x`, `path.x`) and its `required` entry.
    ///
    /// A step written `name[]` goes through an array property into its `items`
    /// (`body.decisions[].decided_by` removes `decided_by` from every decision), and a
    /// property whose schema is a `oneOf`/`anyOf` (e.g. `[HitlCheckpoint, null]`) is
    /// entered through every branch that has the next property.
    private func removing(_ path: String, from schema: RawJSON) -> RawJSON? {
        let parts = path.split(separator: ".").map(String.init)
        guard parts.count >= 2, ["body", "query", "path"].contains(parts[0]) else { return nil }
        if parts[0] != "body", parts.count != 2 || parts[1].hasSuffix("[]") { return nil }
        return removing(Array(parts.dropFirst()), from: schema)
    }

    private func removing(_ names: [String], from schema: RawJSON) -> RawJSON? {
        guard let step = names.first else { return nil }
        if schema["properties"] == nil {
            return removingInBranches(names, from: schema)
        }
        let isArrayStep = step.hasSuffix("[]")
        let name = isArrayStep ? String(step.dropLast(2)) : step
        guard !name.isEmpty, let properties = schema["properties"], let property = properties[name] else {
            return nil
        }
        if names.count == 1 {
            guard !isArrayStep else { return nil }
            var result = schema.setting("properties", to: properties.removing(name))
            if case .array(let required)? = schema["required"] {
                result = result.setting("required", to: .array(required.filter { $0.stringValue != name }))
            }
            return result
        }
        let rest = Array(names.dropFirst())
        let inner: RawJSON?
        if isArrayStep {
            inner = removingInArray(rest, from: property)
        } else {
            inner = removing(rest, from: property)
        }
        guard let inner else { return nil }
        return schema.setting("properties", to: properties.setting(name, to: inner))
    }

    /// `names` removed from the `items` of an array schema (directly or in one of its
    /// `oneOf`/`anyOf` branches, e.g. `type: [array, null]` written as a union).
    private func removingInArray(_ names: [String], from schema: RawJSON) -> RawJSON? {
        if let items = schema["items"] {
            guard let inner = removing(names, from: items) else { return nil }
            return schema.setting("items", to: inner)
        }
        return updatingBranches(of: schema) { branch in
            branch["items"] == nil ? nil : removingInArray(names, from: branch)
        }
    }

    /// `names` removed from every `oneOf`/`anyOf` branch that has the property; nil when
    /// no branch has it.
    private func removingInBranches(_ names: [String], from schema: RawJSON) -> RawJSON? {
        updatingBranches(of: schema) { branch in removing(names, from: branch) }
    }

    /// The first of `oneOf`/`anyOf` in which `update` changed at least one branch (a branch it
    /// answers nil for stays as it was), or nil when it changed none.
    private func updatingBranches(of schema: RawJSON, _ update: (RawJSON) -> RawJSON?) -> RawJSON? {
        for keyword in ["oneOf", "anyOf"] {
            guard case .array(let branches)? = schema[keyword] else { continue }
            var changed = false
            let updated = branches.map { branch -> RawJSON in
                guard let inner = update(branch) else { return branch }
                changed = true
                return inner
            }
            if changed { return schema.setting(keyword, to: .array(updated)) }
        }
        return nil
    }
}
