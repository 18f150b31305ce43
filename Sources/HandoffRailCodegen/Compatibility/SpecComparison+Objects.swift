import OpenAPIKit

extension SpecComparison {

    /// Compares the properties, `required` list, `additionalProperties` and
    /// property-count limits of two object schemas.
    ///
    /// Property changes are reported at the property, for example
    /// `#/components/schemas/Packet/properties/status`. `readOnly`
    /// properties only count for responses and `writeOnly` ones only for
    /// requests.
    mutating func compareObjects(
        _ old: JSONSchema.ObjectContext,
        _ new: JSONSchema.ObjectContext,
        at location: SpecPointerPair,
        usage: SpecSchemaUsage,
        depth: Int
    ) {
        for (name, oldProperty) in old.properties where new.properties[name] == nil {
            record(
                "property '\(name)' was removed",
                at: location.old.appending("properties", name),
                usage: usage.narrowed(by: oldProperty),
                breaksRequests: "clients still sending it may be rejected or have it ignored, and the generated SDK property disappears",
                breaksResponses: "clients reading it will no longer find it",
                otherwise: "it was neither sent nor received where this schema is used"
            )
        }
        for (name, newProperty) in new.properties where old.properties[name] == nil {
            let propertyUsage = usage.narrowed(by: newProperty)
            let safe = propertyUsage.contains(.request)
                ? "existing clients can keep omitting it"
                : "clients receive an additional field they can ignore"
            record(
                "\(newProperty.required ? "required" : "optional") property '\(name)' was added",
                at: location.new.appending("properties", name),
                usage: propertyUsage,
                breaksRequests: newProperty.required ? "clients that do not send it will be rejected" : nil,
                otherwise: safe
            )
        }
        for (name, oldProperty) in old.properties {
            guard let newProperty = new.properties[name] else { continue }
            let propertyLocation = location.appending("properties", name)
            compareRequiredness(name, oldProperty.required, newProperty.required, at: propertyLocation.new, usage: usage.narrowed(by: newProperty))
            comparePermissions(name, oldProperty, newProperty, at: propertyLocation.new, usage: usage)
            compareSchemas(oldProperty, newProperty, at: propertyLocation, usage: usage.narrowed(by: newProperty), depth: depth + 1)
        }
        compareAdditionalProperties(old.additionalProperties, new.additionalProperties, at: location, usage: usage, depth: depth)
        compareLowerLimit("minProperties", Self.explicitMinProperties(old), Self.explicitMinProperties(new), at: location.new, usage: usage)
        compareUpperLimit("maxProperties", old.maxProperties, new.maxProperties, at: location.new, usage: usage)
    }

    /// Reports a property that became optional or required.
    private mutating func compareRequiredness(_ name: String, _ oldRequired: Bool, _ newRequired: Bool, at pointer: SpecPointer, usage: SpecSchemaUsage) {
        switch (oldRequired, newRequired) {
        case (true, false):
            record(
                "property '\(name)' became optional",
                at: pointer,
                usage: usage,
                breaksResponses: "clients relying on its presence in responses will break",
                otherwise: "clients may now omit it"
            )
        case (false, true):
            record(
                "property '\(name)' became required",
                at: pointer,
                usage: usage,
                breaksRequests: "clients that omit it will be rejected",
                otherwise: "responses now always include it"
            )
        default:
            break
        }
    }

    /// Reports a property that became `readOnly` (no longer accepted in
    /// requests) or `writeOnly` (no longer returned in responses).
    private mutating func comparePermissions(_ name: String, _ oldProperty: JSONSchema, _ newProperty: JSONSchema, at pointer: SpecPointer, usage: SpecSchemaUsage) {
        if newProperty.readOnly && !oldProperty.readOnly {
            record(
                "property '\(name)' became readOnly",
                at: pointer,
                usage: usage,
                breaksRequests: "clients can no longer send it",
                otherwise: "this schema is not sent by clients"
            )
        }
        if newProperty.writeOnly && !oldProperty.writeOnly {
            record(
                "property '\(name)' became writeOnly",
                at: pointer,
                usage: usage,
                breaksResponses: "clients will no longer receive it",
                otherwise: "this schema is not received by clients"
            )
        }
    }

    /// What an object allows beyond its listed properties.
    private enum AdditionalProperties {
        case allowed
        case forbidden
        case schema(JSONSchema)

        init(_ value: Either<Bool, JSONSchema>?) {
            switch value {
            case nil, .a(true): self = .allowed
            case .a(false): self = .forbidden
            case .b(let schema): self = .schema(schema)
            }
        }

        var text: String {
            switch self {
            case .allowed: "true"
            case .forbidden: "false"
            case .schema: "a schema"
            }
        }
    }

    /// Compares `additionalProperties`: `true` (or absent), `false` or a schema.
    private mutating func compareAdditionalProperties(
        _ old: Either<Bool, JSONSchema>?,
        _ new: Either<Bool, JSONSchema>?,
        at location: SpecPointerPair,
        usage: SpecSchemaUsage,
        depth: Int
    ) {
        let location = location.appending("additionalProperties")
        let old = AdditionalProperties(old)
        let new = AdditionalProperties(new)
        let change: ConstraintChange
        switch (old, new) {
        case (.allowed, .allowed), (.forbidden, .forbidden):
            return
        case (.schema(let oldSchema), .schema(let newSchema)):
            compareSchemas(oldSchema, newSchema, at: location, usage: usage, depth: depth + 1)
            return
        case (.allowed, _), (.schema, .forbidden):
            change = .tightened
        case (.forbidden, _), (.schema, .allowed):
            change = .loosened
        }
        recordConstraint(change, "additionalProperties changed from \(old.text) to \(new.text)", at: location.new, usage: usage)
    }

    /// The explicit `minProperties`, or 0 when it adds nothing to the
    /// number of required properties (OpenAPIKit folds the two together,
    /// and new required properties are reported on their own).
    private static func explicitMinProperties(_ object: JSONSchema.ObjectContext) -> Int {
        object.minProperties > object.requiredProperties.count ? object.minProperties : 0
    }

    /// Compares the `items` schema, `minItems`, `maxItems` and `uniqueItems`
    /// of two array schemas.
    mutating func compareArrays(
        _ old: JSONSchema.ArrayContext,
        _ new: JSONSchema.ArrayContext,
        at location: SpecPointerPair,
        usage: SpecSchemaUsage,
        depth: Int
    ) {
        switch (old.items, new.items) {
        case (let oldItems?, let newItems?):
            compareSchemas(oldItems, newItems, at: location.appending("items"), usage: usage, depth: depth + 1)
        case (nil, _?):
            recordConstraint(.tightened, "items schema was added", at: location.new.appending("items"), usage: usage)
        case (_?, nil):
            recordConstraint(.loosened, "items schema was removed", at: location.new, usage: usage)
        case (nil, nil):
            break
        }
        compareLowerLimit("minItems", old.minItems, new.minItems, at: location.new, usage: usage)
        compareUpperLimit("maxItems", old.maxItems, new.maxItems, at: location.new, usage: usage)
        if old.uniqueItems != new.uniqueItems {
            recordConstraint(
                new.uniqueItems ? .tightened : .loosened,
                "uniqueItems changed from \(old.uniqueItems) to \(new.uniqueItems)",
                at: location.new.appending("uniqueItems"),
                usage: usage
            )
        }
    }
}
