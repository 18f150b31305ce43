import OpenAPIKit

extension SpecComparison {

    /// How deep inline schemas are followed before giving up; only reached
    /// by pathological specs, since referenced schemas are compared
    /// separately and recursion through them is cut there.
    static let maximumSchemaDepth = 64

    /// Compares a schema of the old spec with the schema at the same place
    /// in the new spec.
    ///
    /// When both sides reference a component schema the pair is noted for
    /// ``compareReferencedSchemas()`` and not descended into here. When only
    /// one side is a reference, it is resolved and the comparison continues
    /// at the component's location on that side.
    /// - Parameters:
    ///   - oldSchema: The schema as written in the old spec.
    ///   - newSchema: The schema as written in the new spec.
    ///   - location: Where the schemas are.
    ///   - usage: The directions the schema travels in.
    ///   - depth: The inline nesting depth so far.
    ///   - nullability: Set when this call continues past a `$ref` followed
    ///     on one side: whether each side was already nullable there, and
    ///     where a nullability change is to be reported.
    mutating func compareSchemas(
        _ oldSchema: JSONSchema,
        _ newSchema: JSONSchema,
        at location: SpecPointerPair,
        usage: SpecSchemaUsage,
        depth: Int = 0,
        nullability: (old: Bool, new: Bool, pointer: SpecPointer)? = nil
    ) {
        guard depth < Self.maximumSchemaDepth else { return }
        let oldNode = Self.unwrappingNullable(oldSchema, at: location.old)
        let newNode = Self.unwrappingNullable(newSchema, at: location.new)
        let oldNullable = (nullability?.old ?? false) || oldNode.nullable
        let newNullable = (nullability?.new ?? false) || newNode.nullable
        // Nullability is reported where `null` was allowed: at the schema as
        // used, not at the alternative left after peeling off `null`, nor at
        // a component reached through `$ref`.
        let nullabilityPointer = nullability?.pointer ?? location.new
        let location = SpecPointerPair(old: oldNode.pointer, new: newNode.pointer)

        switch (oldNode.schema.value, newNode.schema.value) {
        case (.reference(let oldReference, _), .reference(let newReference, _)):
            compareNullability(oldNullable, newNullable, at: nullabilityPointer, usage: usage)
            compareReferences(oldReference, newReference, at: location, usage: usage)

        case (.reference, _), (_, .reference):
            // A dangling reference in the old spec has nothing to compare against.
            guard let oldResolved = old.resolve(schema: oldNode.schema, at: location.old) else { return }
            guard let newResolved = new.resolve(schema: newNode.schema, at: location.new) else {
                record(.breaking, at: location.new, "schema reference '\(newNode.schema.reference?.absoluteString ?? "")' cannot be resolved in the new spec")
                return
            }
            compareSchemas(
                oldResolved.value,
                newResolved.value,
                at: SpecPointerPair(old: oldResolved.pointer, new: newResolved.pointer),
                usage: usage,
                depth: depth + 1,
                nullability: (oldNullable, newNullable, nullabilityPointer)
            )

        default:
            compareNullability(oldNullable, newNullable, at: nullabilityPointer, usage: usage)
            compareInlineSchemas(oldNode.schema, newNode.schema, at: location, usage: usage, depth: depth)
        }
    }

    /// Compares two references found at the same place.
    private mutating func compareReferences(
        _ oldReference: JSONReference<JSONSchema>,
        _ newReference: JSONReference<JSONSchema>,
        at location: SpecPointerPair,
        usage: SpecSchemaUsage
    ) {
        if SpecComponentResolver.componentName(of: oldReference) != nil,
            SpecComponentResolver.componentName(of: newReference) != nil
        {
            noteReferencedSchemas(SchemaPair(old: oldReference, new: newReference), usage: usage)
        } else if oldReference != newReference {
            record(
                .breaking,
                at: location.new,
                "schema reference changed from '\(oldReference.absoluteString)' to '\(newReference.absoluteString)', which cannot be compared automatically; review it by hand"
            )
        }
    }

    /// Compares two schemas that are neither references nor nullable wrappers.
    private mutating func compareInlineSchemas(
        _ oldSchema: JSONSchema,
        _ newSchema: JSONSchema,
        at location: SpecPointerPair,
        usage: SpecSchemaUsage,
        depth: Int
    ) {
        let oldKind = Self.kind(of: oldSchema)
        let newKind = Self.kind(of: newSchema)
        guard oldKind == newKind else {
            record(
                .breaking,
                at: location.new,
                "type changed from \(oldKind) to \(newKind); values of the old type no longer match and the generated Swift type changes"
            )
            return
        }
        compareFormats(oldSchema.formatString, newSchema.formatString, at: location.new, usage: usage)
        compareEnumValues(oldSchema.allowedValues, newSchema.allowedValues, at: location, usage: usage)
        compareDefaults(oldSchema.defaultValue, newSchema.defaultValue, at: location.new, usage: usage)
        compareDiscriminators(oldSchema.discriminator, newSchema.discriminator, at: location.new)

        switch (oldSchema.value, newSchema.value) {
        case (.string(_, let oldString), .string(_, let newString)):
            compareStringConstraints(oldString, newString, at: location.new, usage: usage)
        case (.number(_, let oldNumber), .number(_, let newNumber)):
            compareNumericConstraints(oldNumber, newNumber, at: location.new, usage: usage)
        case (.integer(_, let oldInteger), .integer(_, let newInteger)):
            compareNumericConstraints(oldInteger.numericContext, newInteger.numericContext, at: location.new, usage: usage)
        case (.array(_, let oldArray), .array(_, let newArray)):
            compareArrays(oldArray, newArray, at: location, usage: usage, depth: depth)
        case (.object(_, let oldObject), .object(_, let newObject)):
            compareObjects(oldObject, newObject, at: location, usage: usage, depth: depth)
        case (.one(let oldAlternatives, _), .one(let newAlternatives, _)):
            compareAlternatives(.oneOf, oldAlternatives, newAlternatives, at: location, usage: usage, depth: depth)
        case (.any(let oldAlternatives, _), .any(let newAlternatives, _)):
            compareAlternatives(.anyOf, oldAlternatives, newAlternatives, at: location, usage: usage, depth: depth)
        case (.all(let oldMembers, _), .all(let newMembers, _)):
            compareAlternatives(.allOf, oldMembers, newMembers, at: location, usage: usage, depth: depth)
        default:
            // null, boolean, `{}` and `not` carry nothing further to compare.
            break
        }
    }

    /// Reports a schema that became nullable or stopped being nullable.
    mutating func compareNullability(_ oldNullable: Bool, _ newNullable: Bool, at pointer: SpecPointer, usage: SpecSchemaUsage) {
        switch (oldNullable, newNullable) {
        case (false, true):
            record(
                "value became nullable",
                at: pointer,
                usage: usage,
                breaksResponses: "clients decoding responses may now receive null where they rely on a value",
                otherwise: "requests may now send null"
            )
        case (true, false):
            record(
                "value is no longer nullable",
                at: pointer,
                usage: usage,
                breaksRequests: "clients sending null will be rejected",
                otherwise: "responses no longer contain null"
            )
        default:
            break
        }
    }

    /// Reports a changed `format`. Any format change alters the generated
    /// Swift type (for example `uuid` maps to `UUID`, a plain string to
    /// `String`), so it is breaking in every direction; the message says
    /// what it means on the wire.
    private mutating func compareFormats(_ oldFormat: String?, _ newFormat: String?, at pointer: SpecPointer, usage: SpecSchemaUsage) {
        let oldFormat = oldFormat.flatMap { $0.isEmpty ? nil : $0 }
        let newFormat = newFormat.flatMap { $0.isEmpty ? nil : $0 }
        guard oldFormat != newFormat else { return }
        let change = "format changed from \(Self.quoted(oldFormat)) to \(Self.quoted(newFormat))"
        let wire: String
        if newFormat != nil && usage.contains(.request) {
            wire = "clients sending values that are not \(Self.quoted(newFormat)) will be rejected"
        } else if oldFormat != nil && usage.contains(.response) {
            wire = "clients parsing responses as \(Self.quoted(oldFormat)) may fail"
        } else {
            wire = "the accepted values change"
        }
        record(.breaking, at: pointer.appending("format"), "\(change); \(wire), and the generated Swift type may change")
    }

    /// Reports a changed `default`: clients that omit the value silently get
    /// the new behaviour, which a reviewer should see.
    private mutating func compareDefaults(_ oldDefault: AnyCodable?, _ newDefault: AnyCodable?, at pointer: SpecPointer, usage: SpecSchemaUsage) {
        let oldValue = oldDefault.map(Self.display)
        let newValue = newDefault.map(Self.display)
        guard oldValue != newValue else { return }
        let change = "default changed from \(oldValue ?? "none") to \(newValue ?? "none")"
        let reason = usage.contains(.request)
            ? "clients that omit the value now get the new default"
            : "it only documents the usual value"
        record(.nonBreaking, at: pointer.appending("default"), "\(change); \(reason)")
    }

    /// Reports a changed discriminator property, which changes how every
    /// variant is encoded and decoded.
    private mutating func compareDiscriminators(_ oldDiscriminator: OpenAPI.Discriminator?, _ newDiscriminator: OpenAPI.Discriminator?, at pointer: SpecPointer) {
        guard let oldName = oldDiscriminator?.propertyName, let newName = newDiscriminator?.propertyName, oldName != newName else {
            return
        }
        record(
            .breaking,
            at: pointer.appending("discriminator", "propertyName"),
            "discriminator property changed from '\(oldName)' to '\(newName)'; clients select variants by the old property"
        )
    }

    /// A schema with an optional `oneOf`/`anyOf` null alternative peeled off.
    struct NullableNode {

        /// The schema without the null alternative.
        var schema: JSONSchema

        /// Where `schema` is.
        var pointer: SpecPointer

        /// Whether the value may be `null`.
        var nullable: Bool
    }

    /// Peels `oneOf: [X, {type: 'null'}]` (or `anyOf`) down to `X`, so that
    /// making a value nullable this way reads as a nullability change of `X`
    /// rather than as a new type. `type: [X, 'null']` is already folded into
    /// `nullable` by OpenAPIKit.
    static func unwrappingNullable(_ schema: JSONSchema, at pointer: SpecPointer) -> NullableNode {
        let keyword: String
        let alternatives: [JSONSchema]
        switch schema.value {
        case .one(let schemas, _):
            (keyword, alternatives) = ("oneOf", schemas)
        case .any(let schemas, _):
            (keyword, alternatives) = ("anyOf", schemas)
        default:
            return NullableNode(schema: schema, pointer: pointer, nullable: schema.nullable)
        }
        let nonNull = alternatives.enumerated().filter { !$0.element.isNull }
        guard nonNull.count == 1, nonNull.count < alternatives.count, let only = nonNull.first else {
            return NullableNode(schema: schema, pointer: pointer, nullable: schema.nullable)
        }
        return NullableNode(schema: only.element, pointer: pointer.appending(keyword, String(only.offset)), nullable: true)
    }

    /// The name of a schema's kind as used in messages, for example `string` or `oneOf`.
    static func kind(of schema: JSONSchema) -> String {
        switch schema.value {
        case .null: "null"
        case .boolean: "boolean"
        case .number: "number"
        case .integer: "integer"
        case .string: "string"
        case .object: "object"
        case .array: "array"
        case .all: "allOf"
        case .one: "oneOf"
        case .any: "anyOf"
        case .not: "not"
        case .reference: "reference"
        case .fragment: "any value"
        }
    }

    /// `'value'`, or `none` for a missing value.
    static func quoted(_ value: String?) -> String {
        value.map { "'\($0)'" } ?? "none"
    }

    /// A JSON-like rendering of a literal from the spec: strings quoted,
    /// missing values as `null`.
    static func display(_ value: AnyCodable) -> String {
        switch value.value {
        case let string as String: "'\(string)'"
        case is Void: "null"
        case let bool as Bool: bool ? "true" : "false"
        default: value.description
        }
    }
}
