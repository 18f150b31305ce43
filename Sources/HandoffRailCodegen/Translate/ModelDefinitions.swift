/// The language-neutral result of translating component schemas: what types exist and
/// what they hold. The Swift renderers for models, validators and clients read this.
package enum ModelDefinition: Sendable, Hashable {
    case structure(StructDefinition)
    case stringEnum(StringEnumDefinition)
    case union(UnionDefinition)
    /// A component that is just another type (`Tags: [String]`).
    case alias(AliasDefinition)

    package var name: String {
        switch self {
        case .structure(let definition): return definition.name
        case .stringEnum(let definition): return definition.name
        case .union(let definition): return definition.name
        case .alias(let definition): return definition.name
        }
    }
}

/// An object schema with named properties.
package struct StructDefinition: Sendable, Hashable {
    package var name: String
    package var doc: [String]
    package var pointer: JSONPointer
    package var fields: [FieldDefinition]
    /// Types nested inside (inline enums and unions of properties).
    package var nested: [ModelDefinition]
    /// Used as a PATCH body: optional nullable fields keep "absent" apart from `null`.
    package var isPatchBody: Bool
    /// Additional properties other than the declared ones are kept (`additionalProperties` schema or true).
    package var additionalProperties: TypeUsage?
}

/// One property of a struct.
package struct FieldDefinition: Sendable, Hashable {
    package var wireName: String
    package var swiftName: String
    package var type: TypeUsage
    package var required: Bool
    package var nullable: Bool
    /// The schema default, when there is one.
    package var defaultValue: RawJSON?
    package var doc: [String]

    /// How the field is stored in Swift.
    package enum Storage: Sendable, Hashable {
        /// Present on every value (required, or defaulted when absent).
        case plain
        /// `T?`; `nil` is encoded as `null` when `encodesNull`, omitted otherwise.
        case optional(encodesNull: Bool)
        /// `PatchField<T>`: absent, `null`, or a value.
        case patch
    }

    /// In a PATCH body a left-out member means "unchanged", so defaults never apply there.
    package func storage(inPatchBody: Bool) -> Storage {
        if inPatchBody && !required && nullable { return .patch }
        if required && !nullable { return .plain }
        if !inPatchBody && !nullable && defaultValue != nil && defaultValue != .null { return .plain }
        return .optional(encodesNull: nullable)
    }
}

/// A string enumeration; unknown values are kept in `.unknown` (tolerant clients), and rejected
/// when decoding with `CodingUserInfoKey.handoffRailStrictEnums` (the server).
package struct StringEnumDefinition: Sendable, Hashable {
    package var name: String
    package var doc: [String]
    package var pointer: JSONPointer
    package var values: [String]
}

/// A `oneOf` of distinct JSON shapes: an enum with one payload case per alternative.
package struct UnionDefinition: Sendable, Hashable {
    package struct Alternative: Sendable, Hashable {
        package var caseName: String
        package var type: TypeUsage
    }

    package var name: String
    package var doc: [String]
    package var pointer: JSONPointer
    package var alternatives: [Alternative]
}

/// A named component that is an array, map or primitive.
package struct AliasDefinition: Sendable, Hashable {
    package var name: String
    package var doc: [String]
    package var pointer: JSONPointer
    package var type: TypeUsage
}
