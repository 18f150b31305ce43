import OpenAPIKit

extension SpecComparison {

    /// The composition keywords whose subschemas are compared one by one.
    enum CompositionKeyword: String, Sendable {

        /// Exactly one alternative matches: added alternatives loosen the schema.
        case oneOf

        /// At least one alternative matches: added alternatives loosen the schema.
        case anyOf

        /// Every member matches: added members tighten the schema.
        case allOf
    }

    /// Compares the subschemas of two `oneOf`, `anyOf` or `allOf` schemas.
    ///
    /// Subschemas are matched by the component they reference, else by
    /// `title`, else by kind and position among the inline subschemas of
    /// that kind. `null` alternatives are left out: nullability is compared
    /// separately.
    mutating func compareAlternatives(
        _ keyword: CompositionKeyword,
        _ oldSchemas: [JSONSchema],
        _ newSchemas: [JSONSchema],
        at location: SpecPointerPair,
        usage: SpecSchemaUsage,
        depth: Int
    ) {
        let oldAlternatives = Self.alternatives(oldSchemas, skippingNull: keyword != .allOf)
        let newAlternatives = Self.alternatives(newSchemas, skippingNull: keyword != .allOf)
        let label = keyword == .allOf ? "member" : "alternative"

        for old in oldAlternatives where !newAlternatives.contains(where: { $0.key == old.key }) {
            let pointer = location.old.appending(keyword.rawValue, String(old.index))
            let change = "\(keyword.rawValue) \(label) \(old.key) was removed"
            if keyword == .allOf {
                recordConstraint(.loosened, change, at: pointer, usage: usage)
            } else {
                record(
                    change,
                    at: pointer,
                    usage: usage,
                    breaksRequests: "clients sending that variant will be rejected",
                    otherwise: "responses no longer contain that variant"
                )
            }
        }
        for new in newAlternatives {
            let pointer = location.new.appending(keyword.rawValue, String(new.index))
            guard let old = oldAlternatives.first(where: { $0.key == new.key }) else {
                let change = "\(keyword.rawValue) \(label) \(new.key) was added"
                if keyword == .allOf {
                    recordConstraint(.tightened, change, at: pointer, usage: usage)
                } else {
                    record(
                        change,
                        at: pointer,
                        usage: usage,
                        breaksResponses: "clients may receive a variant they cannot decode",
                        otherwise: "clients may now send the new variant"
                    )
                }
                continue
            }
            compareSchemas(
                old.schema,
                new.schema,
                at: SpecPointerPair(old: location.old.appending(keyword.rawValue, String(old.index)), new: pointer),
                usage: usage,
                depth: depth + 1
            )
        }
    }

    /// A subschema of a composition with the key it is matched by.
    struct Alternative: Sendable {

        /// How the subschema is matched and named in messages, for example
        /// `'Handoff'` for a reference or `inline object #1`.
        var key: String

        /// The position in the composition, for the JSON pointer.
        var index: Int

        /// The subschema.
        var schema: JSONSchema
    }

    /// Keys the subschemas of a composition for matching.
    private static func alternatives(_ schemas: [JSONSchema], skippingNull: Bool) -> [Alternative] {
        var inlineCounts: [String: Int] = [:]
        var result: [Alternative] = []
        for (index, schema) in schemas.enumerated() {
            if skippingNull && schema.isNull { continue }
            let key: String
            if let reference = schema.reference {
                key = "'\(SpecComponentResolver.componentName(of: reference) ?? reference.absoluteString)'"
            } else if let title = schema.title {
                key = "'\(title)'"
            } else {
                let kind = kind(of: schema)
                inlineCounts[kind, default: 0] += 1
                key = "inline \(kind) #\(inlineCounts[kind]!)"
            }
            result.append(Alternative(key: key, index: index, schema: schema))
        }
        return result
    }
}
