import OpenAPIKit

extension SpecComparison {

    /// A parameter in effect for an operation, after following a `$ref` to
    /// `#/components/parameters` and applying operation-level overrides of
    /// path-level parameters.
    struct ParameterEntry: Sendable {

        /// The parameter.
        var parameter: OpenAPI.Parameter

        /// Where the parameter is defined.
        var pointer: SpecPointer

        /// `query parameter 'limit'`, for messages.
        var name: String { "\(parameter.location.rawValue) parameter '\(parameter.name)'" }

        /// Identifies the parameter on the wire: location and name
        /// (header names are case-insensitive).
        var key: String {
            let name = parameter.location == .header ? parameter.name.lowercased() : parameter.name
            return "\(parameter.location.rawValue):\(name)"
        }
    }

    /// Compares the parameters of an operation present in both documents.
    ///
    /// Parameters are matched by location and name. An unmatched pair with
    /// the same name is reported as moved (`in` changed); the only unmatched
    /// pair in one location is reported as renamed. Everything clients send
    /// is a request, so parameter schemas are compared in the request direction.
    mutating func compareParameters(_ old: OperationEntry, _ new: OperationEntry) {
        let oldParameters = Self.parameters(of: old, resolver: self.old)
        let newParameters = Self.parameters(of: new, resolver: self.new)
        var unmatchedOld = oldParameters.filter { parameter in !newParameters.contains { $0.key == parameter.key } }
        var unmatchedNew = newParameters.filter { parameter in !oldParameters.contains { $0.key == parameter.key } }

        for oldParameter in oldParameters {
            guard let newParameter = newParameters.first(where: { $0.key == oldParameter.key }) else { continue }
            compareParameter(oldParameter, newParameter)
        }

        // Same name, other location: the parameter moved.
        for oldParameter in unmatchedOld {
            guard let index = unmatchedNew.firstIndex(where: { $0.parameter.name.lowercased() == oldParameter.parameter.name.lowercased() }) else {
                continue
            }
            let newParameter = unmatchedNew.remove(at: index)
            unmatchedOld.removeAll { $0.key == oldParameter.key }
            record(
                .breaking,
                at: newParameter.pointer.appending("in"),
                "parameter '\(newParameter.parameter.name)' moved from \(oldParameter.parameter.location.rawValue) to \(newParameter.parameter.location.rawValue); clients keep sending it in the old place"
            )
        }

        // The only unmatched parameter on each side of one location: renamed.
        for oldParameter in unmatchedOld {
            let location = oldParameter.parameter.location
            let oldCandidates = unmatchedOld.filter { $0.parameter.location == location }
            let newCandidates = unmatchedNew.filter { $0.parameter.location == location }
            guard oldCandidates.count == 1, newCandidates.count == 1, let newParameter = newCandidates.first else { continue }
            unmatchedNew.removeAll { $0.key == newParameter.key }
            unmatchedOld.removeAll { $0.key == oldParameter.key }
            record(
                .breaking,
                at: newParameter.pointer.appending("name"),
                "\(oldParameter.name) was renamed to '\(newParameter.parameter.name)'; clients keep sending the old name and the generated SDK argument is renamed"
            )
        }

        for oldParameter in unmatchedOld {
            record(
                .breaking,
                at: oldParameter.pointer,
                "\(oldParameter.name) was removed; clients still sending it may be rejected or have it ignored, and the generated SDK argument disappears"
            )
        }
        for newParameter in unmatchedNew {
            if newParameter.parameter.required {
                record(.breaking, at: newParameter.pointer, "required \(newParameter.name) was added; clients that do not send it will be rejected")
            } else {
                record(.nonBreaking, at: newParameter.pointer, "optional \(newParameter.name) was added; existing clients can keep omitting it")
            }
        }
    }

    /// Compares one parameter present in both documents.
    private mutating func compareParameter(_ old: ParameterEntry, _ new: ParameterEntry) {
        switch (old.parameter.required, new.parameter.required) {
        case (false, true):
            record(.breaking, at: new.pointer.appending("required"), "\(new.name) became required; clients that omit it will be rejected")
        case (true, false):
            record(.nonBreaking, at: new.pointer.appending("required"), "\(new.name) became optional; existing clients keep sending it")
        default:
            break
        }

        switch (old.parameter.schemaOrContent, new.parameter.schemaOrContent) {
        case (.a(let oldContext), .a(let newContext)):
            if oldContext.style != newContext.style || oldContext.explode != newContext.explode {
                record(
                    .breaking,
                    at: new.pointer.appending("style"),
                    "serialization of \(new.name) changed from \(Self.serialization(oldContext)) to \(Self.serialization(newContext)); clients encode it the old way"
                )
            }
            compareSchemas(
                oldContext.schema.flattenToJsonSchema(),
                newContext.schema.flattenToJsonSchema(),
                at: SpecPointerPair(old: old.pointer.appending("schema"), new: new.pointer.appending("schema")),
                usage: .request
            )
        case (.b(let oldContent), .b(let newContent)):
            compareContents(
                oldContent,
                newContent,
                at: SpecPointerPair(old: old.pointer.appending("content"), new: new.pointer.appending("content")),
                usage: .request,
                subject: new.name
            )
        default:
            record(.breaking, at: new.pointer, "\(new.name) switched between 'schema' and 'content'; clients encode it the old way")
        }
    }

    /// `form (explode)`, for messages.
    private static func serialization(_ context: OpenAPI.Parameter.SchemaContext) -> String {
        "\(context.style.rawValue)\(context.explode ? " (explode)" : "")"
    }

    /// The parameters in effect for an operation: path-level parameters,
    /// overridden by operation-level ones with the same location and name.
    private static func parameters(of entry: OperationEntry, resolver: SpecComponentResolver) -> [ParameterEntry] {
        var result: [ParameterEntry] = []
        let levels = [
            (entry.pathEntry.item.parameters, entry.pathEntry.itemPointer),
            (entry.operation.parameters, entry.pointer),
        ]
        for (parameters, owner) in levels {
            for (index, parameter) in parameters.enumerated() {
                guard let resolved = resolver.resolve(parameter, at: owner.appending("parameters", String(index))) else { continue }
                let item = ParameterEntry(parameter: resolved.value, pointer: resolved.pointer)
                result.removeAll { $0.key == item.key }
                result.append(item)
            }
        }
        return result
    }
}
