import HandoffRailModels

extension StrictSchemaConversion {
    /// A value that must be a schema object (the SDK raises `TypeError` otherwise).
    static func schema(_ value: JSONValue, at path: [String]) throws(StrictJSONSchemaError) -> Node {
        guard case .object(let node) = value else {
            throw StrictJSONSchemaError(.notASchema, at: SchemaPointer.fragment(path), "expected a schema object")
        }
        return node
    }

    /// Every property name: the already required ones in their order, then the rest sorted.
    static func requiredOrder(properties: Node, declared: JSONValue?) -> [String] {
        var order: [String] = []
        for case .string(let name) in declared?.arrayValue ?? [] where properties[name] != nil && !order.contains(name) {
            order.append(name)
        }
        return order + properties.keys.filter { !order.contains($0) }.sorted()
    }

    /// `_merge_single_all_of`: the entry's keywords plus the parent's; parent annotations win,
    /// equal values and an empty `properties`/`required` pass, anything else conflicts.
    static func mergeSingleAllOf(entry: Node, parent: Node, at location: String) throws(StrictJSONSchemaError) -> Node {
        var merged = entry
        var conflicts: [String] = []
        if parent["additionalProperties"] == .bool(false),
            parent["properties"] == nil || parent["properties"] == .object([:]),
            let entryProperties = entry["properties"]?.objectValue, !entryProperties.isEmpty
        {
            conflicts.append("properties")
        }
        for (key, parentValue) in parent {
            if let entryValue = merged[key] {
                if StrictJSONSchema.nonConstrainingRefSiblings.contains(key) {
                    merged[key] = parentValue
                } else if JSONEquality.equal(parentValue, entryValue) {
                    // The SDK's `_json_values_equal`: `1 == 1.0` (exactly), `true != 1`.
                    continue
                } else if (key == "properties" && parentValue == .object([:])) || (key == "required" && parentValue == .array([])) {
                    continue
                } else {
                    conflicts.append(key)
                }
            } else {
                merged[key] = parentValue
            }
        }
        if !conflicts.isEmpty {
            throw StrictJSONSchemaError(
                .incompatibleAllOf, at: location,
                "singleton `allOf` with incompatible parent keyword(s) (\(conflicts.sorted().joined(separator: ", ")))")
        }
        return merged
    }

    static func nestedResource(at location: String) -> StrictJSONSchemaError {
        StrictJSONSchemaError(.nestedResourceRef, at: location, "a `$ref` owned by or crossing a nested `$id` resource")
    }

    static func openObject(at location: String) -> StrictJSONSchemaError {
        StrictJSONSchemaError(
            .additionalPropertiesAllowed, at: location,
            "an object that permits undeclared properties has no strict form; serve the tool with strict: false")
    }
}
