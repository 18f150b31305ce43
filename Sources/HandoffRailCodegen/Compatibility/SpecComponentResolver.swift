import OpenAPIKit

/// A spec element together with the place it was found, after following any
/// `$ref` to `#/components/...`.
struct SpecResolved<Value: Sendable>: Sendable {

    /// The element itself.
    var value: Value

    /// Where the element is defined: the component entry when it was
    /// reached through a reference, otherwise the place it was used.
    var pointer: SpecPointer
}

/// Follows references into one document's `components`.
///
/// Changes to shared components are reported at the component (for example
/// `#/components/parameters/PageSize`) rather than at every operation that
/// uses it, so the resolver reports where each element is really defined.
///
/// ```swift
/// let resolver = SpecComponentResolver(components: document.components)
/// let parameter = resolver.resolve(operation.parameters[0], at: pointer)
/// parameter?.pointer // #/components/parameters/PageSize
/// ```
struct SpecComponentResolver: Sendable {

    /// The components of the document being resolved against.
    let components: OpenAPI.Components

    /// Creates a resolver for one document.
    /// - Parameter components: The document's `components` object.
    init(components: OpenAPI.Components) {
        self.components = components
    }

    /// Resolves an inline-or-referenced element (parameter, response,
    /// request body, header, path item, media type).
    /// - Parameters:
    ///   - element: The element or a reference to it.
    ///   - pointer: Where the element (or reference) appears.
    /// - Returns: The element and where it is defined, or `nil` when the
    ///   reference cannot be resolved (for example an external `$ref`).
    func resolve<T: ComponentDictionaryLocatable & Sendable>(
        _ element: Either<OpenAPI.Reference<T>, T>,
        at pointer: SpecPointer
    ) -> SpecResolved<T>? {
        switch element {
        case .b(let value):
            return SpecResolved(value: value, pointer: pointer)
        case .a(let reference):
            guard let value = try? components.lookup(reference) else { return nil }
            let definedAt = Self.componentName(of: reference.jsonReference)
                .map { SpecPointer.component(T.openAPIComponentsKey, $0) } ?? pointer
            return SpecResolved(value: value, pointer: definedAt)
        }
    }

    /// Resolves a schema that may be a `$ref`, following chains of references.
    /// - Parameters:
    ///   - schema: The schema as written at `pointer`.
    ///   - pointer: Where the schema appears.
    /// - Returns: The referenced (or given) schema and where it is defined,
    ///   or `nil` when the reference cannot be resolved.
    func resolve(schema: JSONSchema, at pointer: SpecPointer) -> SpecResolved<JSONSchema>? {
        guard case .reference(let reference, _) = schema.value else {
            return SpecResolved(value: schema, pointer: pointer)
        }
        guard let value = try? components.lookup(reference) else { return nil }
        let definedAt = Self.componentName(of: reference)
            .map { SpecPointer.component(JSONSchema.openAPIComponentsKey, $0) } ?? pointer
        return SpecResolved(value: value, pointer: definedAt)
    }

    /// The component name of a local `#/components/<section>/<name>` reference.
    static func componentName<T>(of reference: JSONReference<T>) -> String? {
        guard case .internal(.component(let name)) = reference else { return nil }
        return name
    }
}
