import HandoffRailModels

/// Inlines local `$ref`s (`#/$defs/X`) the way LangChain's `dereference_refs` does for
/// non-recursive schemas: each `{"$ref": …}` is replaced by the referenced schema, its own
/// siblings winning. The `$defs` themselves stay (callers drop them). A recursive reference
/// cannot be inlined and throws.
///
/// Inlining copies a definition at every use, so a few definitions that each use the next
/// twice grow exponentially: the expansion shares the strict conversion's limits — at most
/// ``StrictJSONSchema/maximumNodes`` schema nodes written (else `.tooLarge`) and
/// ``StrictJSONSchema/maximumDepth`` levels of nesting (else `.tooDeep`).
///
/// ```swift
/// try SchemaReferences.inline(HandoffPacketInput.schema)   // items of pending_actions inlined
/// ```
enum SchemaReferences {
    static func inline(_ schema: JSONValue, maximumNodes: Int = StrictJSONSchema.maximumNodes) throws(StrictJSONSchemaError) -> JSONValue {
        var expansion = Expansion(root: schema, remainingNodes: maximumNodes)
        return try expansion.inline(schema, path: [], expanding: [])
    }

    /// One inlining run and what is left of its node budget.
    private struct Expansion {
        let root: JSONValue
        var remainingNodes: Int

        mutating func inline(
            _ value: JSONValue, path: [String], expanding: [String]
        ) throws(StrictJSONSchemaError) -> JSONValue {
            if value.isContainer {
                remainingNodes -= 1
                if remainingNodes < 0 {
                    throw StrictJSONSchemaError(.tooLarge, at: SchemaPointer.fragment(path), "more than \(StrictJSONSchema.maximumNodes) schema nodes to expand")
                }
                if path.count > StrictJSONSchema.maximumDepth {
                    throw StrictJSONSchemaError(.tooDeep, at: SchemaPointer.fragment(path), "more than \(StrictJSONSchema.maximumDepth) nested containers")
                }
            }
            switch value {
            case .array(let items):
                var result: [JSONValue] = []
                for (index, item) in items.enumerated() {
                    result.append(try inline(item, path: path + [String(index)], expanding: expanding))
                }
                return .array(result)
            case .object(var members):
                if case .string(let ref) = members["$ref"] {
                    let here = SchemaPointer.fragment(path)
                    guard !expanding.contains(ref) else {
                        throw StrictJSONSchemaError(.circularRef, at: here, "a recursive `$ref` cannot be inlined")
                    }
                    guard let tokens = SchemaPointer.tokens(ofFragment: ref),
                        case .object(let target) = tokens.reduce(Optional(root), { $0?[$1] })
                    else { throw StrictJSONSchemaError(.unresolvableRef, at: here, "only `#/…` references into the document are supported") }
                    members["$ref"] = nil
                    let merged = JSONValue.object(target.merging(members) { _, sibling in sibling })
                    return try inline(merged, path: path, expanding: expanding + [ref])
                }
                var result: [String: JSONValue] = [:]
                for (key, member) in members {
                    result[key] = (key == "$defs" || key == "definitions")
                        ? member : try inline(member, path: path + [key], expanding: expanding)
                }
                return .object(result)
            default:
                return value
            }
        }
    }
}
