import HandoffRailModels

/// One run of ``StrictJSONSchema/convert(_:)``: the recursive part of the SDK's
/// `_ensure_strict_json_schema`, ported rule for rule (see ``StrictJSONSchema`` for the list).
///
/// The SDK mutates the document in place, so a `$ref` resolved after the root's `$defs` were
/// converted sees the strict definitions; `root` is updated the same way here.
final class StrictSchemaConversion {
    typealias Node = [String: JSONValue]
    private(set) var root: Node
    private var remainingNodes = StrictJSONSchema.maximumNodes

    init(root: Node) { self.root = root }

    func convert(
        _ original: Node, path: [String], depth: Int, insideNestedResource: Bool, isRoot: Bool
    ) throws(StrictJSONSchemaError) -> Node {
        let here = SchemaPointer.fragment(path)
        if depth > StrictJSONSchema.maximumDepth {
            throw StrictJSONSchemaError(.tooDeep, at: here, "more than \(StrictJSONSchema.maximumDepth) nested schemas")
        }
        var node = original
        let explicitlyClosed = node["additionalProperties"] == .bool(false)
        try spend(at: here)
        let nested = insideNestedResource || (!isRoot && node["$id"]?.stringValue != nil)

        if node["$ref"] != nil {
            if nested { throw Self.nestedResource(at: here) }
            var allowed = StrictJSONSchema.nonConstrainingRefSiblings
            if isRoot { allowed.insert("$id") }
            let incompatible = Set(node.keys).subtracting(allowed).subtracting(["$ref"]).sorted()
            if !incompatible.isEmpty {
                throw StrictJSONSchemaError(
                    .refWithConstrainingSiblings, at: here,
                    "`$ref` with sibling keyword(s) (\(incompatible.joined(separator: ", "))) that cannot be merged")
            }
        }

        for definitionsKey in ["$defs", "definitions"] {
            guard case .object(let definitions) = node[definitionsKey] else { continue }
            var converted = definitions
            for (name, definition) in definitions.sorted(by: { $0.key < $1.key }) {
                converted[name] = .object(try convert(
                    Self.schema(definition, at: path + [definitionsKey, name]), path: path + [definitionsKey, name],
                    depth: depth + 1, insideNestedResource: nested, isRoot: false))
                // The SDK edits definitions in place: later ones already see this one converted.
                if isRoot { root[definitionsKey] = .object(converted) }
            }
            node[definitionsKey] = .object(converted)
        }

        var type = node["type"] == .null ? nil : node["type"]
        let properties = node["properties"]?.objectValue
        if type == nil, properties != nil {
            type = "object"
            node["type"] = "object"
        } else if type == nil, let additional = node["additionalProperties"], additional != .bool(false) {
            throw Self.openObject(at: here)
        }
        let isObject = type == "object" || (type?.arrayValue?.contains("object") ?? false)
        if isObject {
            if let additional = node["additionalProperties"] {
                if additional != .bool(false) { throw Self.openObject(at: here) }
            } else {
                node["additionalProperties"] = false
            }
        }

        if let properties {
            node["required"] = .array(Self.requiredOrder(properties: properties, declared: node["required"]).map { .string($0) })
            var converted = properties
            for (key, property) in properties.sorted(by: { $0.key < $1.key }) {
                let propertyPath = path + ["properties", key]
                converted[key] = .object(try convert(
                    Self.schema(property, at: propertyPath), path: propertyPath, depth: depth + 1,
                    insideNestedResource: nested, isRoot: false))
            }
            node["properties"] = .object(converted)
        }

        if case .object(let items) = node["items"] {
            node["items"] = .object(try convert(items, path: path + ["items"], depth: depth + 1, insideNestedResource: nested, isRoot: false))
        }

        if case .array(let variants) = node["anyOf"] {
            node["anyOf"] = .array(try convertEach(variants, keyword: "anyOf", path: path, depth: depth, nested: nested))
        }

        if case .array(let variants) = node["oneOf"] {
            let existing = node["anyOf"]?.arrayValue ?? []
            node["anyOf"] = .array(existing + (try convertEach(variants, keyword: "oneOf", path: path, depth: depth, nested: nested)))
            node["oneOf"] = nil
        }

        if case .array(let entries) = node["allOf"] {
            if entries.count == 1 {
                let entry = entries[0]
                let strictEntry: Node
                if case .object(let entryNode) = entry, entryNode["$ref"] != nil,
                    Set(entryNode.keys).subtracting(["$ref"]).isSubset(of: StrictJSONSchema.nonConstrainingRefSiblings)
                {
                    if nested { throw Self.nestedResource(at: here) }
                    try spend(at: here)
                    strictEntry = try resolveNonConstrainingRefChain(entryNode, at: here)
                } else {
                    strictEntry = try convert(
                        Self.schema(entry, at: path + ["allOf", "0"]), path: path + ["allOf", "0"], depth: depth + 1,
                        insideNestedResource: nested, isRoot: false)
                }
                node["allOf"] = nil
                if !explicitlyClosed { node["additionalProperties"] = nil }
                let merged = try Self.mergeSingleAllOf(entry: strictEntry, parent: node, at: here)
                return try convert(merged, path: path, depth: depth + 1, insideNestedResource: nested, isRoot: isRoot)
            }
            node["allOf"] = .array(try convertEach(entries, keyword: "allOf", path: path, depth: depth, nested: nested))
        }

        if node["default"] == .null { node["default"] = nil }

        if let reference = node["$ref"], reference != "", node.count > 1 {
            guard case .string(let ref) = reference else {
                throw StrictJSONSchemaError(.unresolvableRef, at: here, "`$ref` is not a string")
            }
            node["$ref"] = nil
            if SchemaPointer.tokens(ofFragment: ref) == path {
                // A node referring to itself: the SDK resolves to the very dict it is editing, so
                // popping `$ref` empties the reference and the node is re-converted without it.
                return try convert(node, path: path, depth: depth + 1, insideNestedResource: nested, isRoot: isRoot)
            }
            let resolved = try resolve(ref, at: here)
            let expanded = resolved.merging(node) { _, sibling in sibling }
            return try convert(expanded, path: path, depth: depth + 1, insideNestedResource: nested, isRoot: isRoot)
        }
        return node
    }

    private func convertEach(
        _ variants: [JSONValue], keyword: String, path: [String], depth: Int, nested: Bool
    ) throws(StrictJSONSchemaError) -> [JSONValue] {
        var result: [JSONValue] = []
        for (index, variant) in variants.enumerated() {
            let variantPath = path + [keyword, String(index)]
            result.append(.object(try convert(
                Self.schema(variant, at: variantPath), path: variantPath, depth: depth + 1,
                insideNestedResource: nested, isRoot: false)))
        }
        return result
    }

    private func spend(at location: String) throws(StrictJSONSchemaError) {
        remainingNodes -= 1
        if remainingNodes < 0 {
            throw StrictJSONSchemaError(.tooLarge, at: location, "more than \(StrictJSONSchema.maximumNodes) schema nodes to expand")
        }
    }

    /// `resolve_ref`: a `#/…` JSON Pointer into the (partly converted) document.
    func resolve(_ ref: String, at location: String) throws(StrictJSONSchemaError) -> Node {
        guard let tokens = SchemaPointer.tokens(ofFragment: ref) else {
            throw StrictJSONSchemaError(.unresolvableRef, at: location, "only `#/…` references into the document are supported")
        }
        var current = root
        for token in tokens {
            guard case .object(let next) = current[token] else {
                throw StrictJSONSchemaError(.unresolvableRef, at: location, "the reference does not lead to a schema object")
            }
            current = next
            if current["$id"]?.stringValue != nil { throw Self.nestedResource(at: location) }
        }
        return current
    }

    /// `_resolve_non_constraining_ref_chain`: follows `$ref`s whose siblings are annotations,
    /// keeping the first-seen annotations.
    private func resolveNonConstrainingRefChain(_ schema: Node, at location: String) throws(StrictJSONSchemaError) -> Node {
        var resolved = schema
        var seen: Set<String> = []
        var carried: Node = [:]
        while let reference = resolved["$ref"],
            Set(resolved.keys).subtracting(["$ref"]).isSubset(of: StrictJSONSchema.nonConstrainingRefSiblings)
        {
            guard case .string(let ref) = reference else {
                throw StrictJSONSchemaError(.unresolvableRef, at: location, "`$ref` is not a string")
            }
            if !seen.insert(ref).inserted {
                throw StrictJSONSchemaError(.circularRef, at: location, "the `$ref` chain loops")
            }
            var siblings = resolved
            siblings["$ref"] = nil
            carried = siblings.merging(carried) { _, earlier in earlier }
            try spend(at: location)
            resolved = try resolve(ref, at: location)
        }
        return resolved.merging(carried) { _, annotation in annotation }
    }
}
