import Foundation

/// Compiles the keywords of one schema object, in the dialect in force at its location.
///
/// Keywords are emitted in a fixed evaluation order: cheap type and value checks first
/// (so invalid input fails fast in `isValid`), then applicators, and the `unevaluated*`
/// keywords last because they read the annotations everything else produced.
///
/// ```swift
/// var builder = KeywordCompiler(compiler: compiler, location: location, members: members, dialect: .draft7)
/// let keywords = try builder.compile()
/// ```
struct KeywordCompiler {
    let compiler: SchemaCompiler
    let location: SchemaLocation
    let members: [String: JSONValue]
    let dialect: SchemaDialect

    private var index: SchemaIndex { compiler.index }

    init(compiler: SchemaCompiler, location: SchemaLocation, members: [String: JSONValue], dialect: SchemaDialect) {
        self.compiler = compiler
        self.location = location
        self.members = members
        self.dialect = dialect
    }

    mutating func compile() throws(JSONSchemaError) -> [SchemaKeyword] {
        // Ranks: 0 type, 1 enum/const, 2 other value checks, 3 member/item applicators,
        // 4 in-place applicators and references, 5 unevaluated*.
        var ranked: [(rank: Int, keyword: SchemaKeyword)] = []
        func add(_ rank: Int, _ keyword: SchemaKeyword) { ranked.append((rank, keyword)) }

        if case .string(let reference)? = members["$ref"] {
            add(4, .ref(try referenceNode(reference)))
            if dialect.draft == .draft7 { return ranked.map(\.keyword) }  // draft-07: siblings of $ref are ignored
        } else if members["$ref"] != nil {
            throw invalid("$ref", "must be a string")
        }
        let draft7 = dialect.draft == .draft7
        let validation = draft7 || dialect.vocabularies.contains(.validation)
        let applicator = draft7 || dialect.vocabularies.contains(.applicator)
        let unevaluated = !draft7 && dialect.vocabularies.contains(.unevaluated)

        if !draft7, case .string(let reference)? = members["$dynamicRef"] {
            add(4, try dynamicReference(reference))
        }
        if validation {
            try compileValidation(add)
        }
        if compiler.assertFormats, case .string(let name)? = members["format"], let format = SchemaFormat(name: name) {
            add(2, .format(format))
        }
        if applicator {
            try compileObjectApplicators(add)
            try compileArrayApplicators(add, validation: validation)
            try compileInPlaceApplicators(add)
        }
        if unevaluated {
            if members["unevaluatedProperties"] != nil {
                add(5, .unevaluatedProperties(child("unevaluatedProperties")))
            }
            if members["unevaluatedItems"] != nil {
                add(5, .unevaluatedItems(child("unevaluatedItems")))
            }
        }
        return ranked.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element.keyword)
    }

    // MARK: - Validation vocabulary

    private func compileValidation(_ add: (Int, SchemaKeyword) -> Void) throws(JSONSchemaError) {
        if let type = members["type"] {
            var mask = JSONTypeMask()
            let names: [JSONValue]
            switch type {
            case .string: names = [type]
            case .array(let elements): names = elements
            default: throw invalid("type", "must be a string or an array of strings")
            }
            for name in names {
                guard case .string(let text) = name, let single = JSONTypeMask(name: text) else {
                    throw invalid("type", "unknown type \(name.serializedString())")
                }
                mask.formUnion(single)
            }
            add(0, .type(mask))
        }
        if let value = members["enum"] {
            guard case .array(let values) = value else { throw invalid("enum", "must be an array") }
            add(1, .enumeration(values, expected: PydanticText.expectedList(values)))
        }
        if let value = members["const"] {
            add(1, .constant(value, expected: PydanticText.pythonRepr(value)))
        }
        for (name, kind) in [("minimum", SchemaBoundKind.minimum), ("exclusiveMinimum", .exclusiveMinimum),
                             ("maximum", .maximum), ("exclusiveMaximum", .exclusiveMaximum)] {
            guard let value = members[name] else { continue }
            switch value {
            case .integer, .number: add(2, .bound(kind, value))
            case .bool where dialect.draft == .draft7 && (name == "exclusiveMinimum" || name == "exclusiveMaximum"):
                continue  // draft-04 style boolean; meaningless in draft-07, ignore
            default: throw invalid(name, "must be a number")
            }
        }
        if let value = members["multipleOf"] {
            guard JSONNumber.compare(value, .integer(0)) == 1 else { throw invalid("multipleOf", "must be a number greater than 0") }
            add(2, .multipleOf(value))
        }
        if let limit = try count("minLength") { add(2, .minLength(limit)) }
        if let limit = try count("maxLength") { add(2, .maxLength(limit)) }
        if let value = members["pattern"] {
            guard case .string(let pattern) = value else { throw invalid("pattern", "must be a string") }
            add(2, .pattern(try regex(pattern, keyword: "pattern")))
        }
        if let limit = try count("minItems") { add(2, .minItems(limit)) }
        if let limit = try count("maxItems") { add(2, .maxItems(limit)) }
        if let value = members["uniqueItems"] {
            guard case .bool(let flag) = value else { throw invalid("uniqueItems", "must be a boolean") }
            if flag { add(2, .uniqueItems) }
        }
        if let limit = try count("minProperties") { add(2, .minProperties(limit)) }
        if let limit = try count("maxProperties") { add(2, .maxProperties(limit)) }
        if let value = members["required"] {
            add(2, .required(try strings(value, "required")))
        }
        if dialect.draft == .draft2020_12, case .object(let entries)? = members["dependentRequired"] {
            var rules: [(name: String, required: [String])] = []
            for name in entries.keys.sorted() { rules.append((name, try strings(entries[name]!, "dependentRequired"))) }
            add(2, .dependentRequired(rules))
        }
        // `dependencies` is draft-07; 2020-12 split it, but it is still honoured there for compatibility.
        if case .object(let entries)? = members["dependencies"] {
            var rules: [(name: String, required: [String])] = []
            for name in entries.keys.sorted() {
                if case .array = entries[name]! { rules.append((name, try strings(entries[name]!, "dependencies"))) }
            }
            if !rules.isEmpty { add(2, .dependentRequired(rules)) }
        }
    }

    // MARK: - Applicators

    private func compileObjectApplicators(_ add: (Int, SchemaKeyword) -> Void) throws(JSONSchemaError) {
        var known = Set<String>()
        var patterns: [ECMARegex] = []
        if let value = members["properties"] {
            guard case .object(let entries) = value else { throw invalid("properties", "must be an object") }
            let names = entries.keys.sorted()
            known = Set(names)
            add(3, .properties(names.map { (name: $0, node: child("properties", $0)) }))
        }
        if let value = members["patternProperties"] {
            guard case .object(let entries) = value else { throw invalid("patternProperties", "must be an object") }
            var rules: [(regex: ECMARegex, node: Int32)] = []
            for pattern in entries.keys.sorted() {
                let compiled = try regex(pattern, keyword: "patternProperties")
                patterns.append(compiled)
                rules.append((compiled, child("patternProperties", pattern)))
            }
            add(3, .patternProperties(rules))
        }
        if members["additionalProperties"] != nil {
            add(3, .additionalProperties(child("additionalProperties"), known: known, patterns: patterns))
        }
        if members["propertyNames"] != nil {
            add(3, .propertyNames(child("propertyNames")))
        }
        for dependentKeyword in dialect.draft == .draft7 ? ["dependencies"] : ["dependentSchemas", "dependencies"] {
            guard case .object(let entries)? = members[dependentKeyword] else { continue }
            var rules: [(name: String, node: Int32)] = []
            for name in entries.keys.sorted() {
                if case .array = entries[name]! { continue }
                rules.append((name, child(dependentKeyword, name)))
            }
            if !rules.isEmpty { add(3, .dependentSchemas(rules)) }
        }
    }

    private func compileArrayApplicators(_ add: (Int, SchemaKeyword) -> Void, validation: Bool) throws(JSONSchemaError) {
        switch dialect.draft {
        case .draft7:
            if case .array(let tuple)? = members["items"] {
                add(3, .prefixItems(tuple.indices.map { child("items", String($0)) }))
                if members["additionalItems"] != nil {
                    add(3, .items(child("additionalItems"), from: tuple.count))
                }
            } else if members["items"] != nil {
                add(3, .items(child("items"), from: 0))
            }
        case .draft2020_12:
            var prefixCount = 0
            if let value = members["prefixItems"] {
                guard case .array(let tuple) = value else { throw invalid("prefixItems", "must be an array") }
                prefixCount = tuple.count
                add(3, .prefixItems(tuple.indices.map { child("prefixItems", String($0)) }))
            }
            if members["items"] != nil {
                add(3, .items(child("items"), from: prefixCount))
            }
        }
        if members["contains"] != nil {
            var minimum = 1
            var maximum: Int? = nil
            if dialect.draft == .draft2020_12 && validation {
                minimum = try count("minContains") ?? 1
                maximum = try count("maxContains")
            }
            add(3, .contains(child("contains"), min: minimum, max: maximum))
        }
    }

    private func compileInPlaceApplicators(_ add: (Int, SchemaKeyword) -> Void) throws(JSONSchemaError) {
        for name in ["allOf", "anyOf", "oneOf"] {
            guard let value = members[name] else { continue }
            guard case .array(let elements) = value, !elements.isEmpty else {
                throw invalid(name, "must be a non-empty array")
            }
            let children = elements.indices.map { child(name, String($0)) }
            switch name {
            case "allOf": add(4, .allOf(children))
            case "anyOf": add(4, .anyOf(children))
            default: add(4, .oneOf(children))
            }
        }
        if members["not"] != nil {
            add(4, .not(child("not")))
        }
        if members["if"] != nil {
            let thenNode = members["then"] != nil ? child("then") : nil
            let elseNode = members["else"] != nil ? child("else") : nil
            // Kept even without then/else: `if` still contributes annotations to unevaluated*.
            add(4, .conditional(if: child("if"), then: thenNode, else: elseNode))
        }
    }

    // MARK: - References

    private func referenceNode(_ reference: String) throws(JSONSchemaError) -> Int32 {
        let (target, _) = try index.resolve(reference, from: location)
        return compiler.node(for: target)
    }

    /// `$dynamicRef` is dynamic only if its initial target carries a matching `$dynamicAnchor`
    /// (the "bookending" rule); otherwise it behaves exactly like `$ref`.
    private func dynamicReference(_ reference: String) throws(JSONSchemaError) -> SchemaKeyword {
        let (target, fragment) = try index.resolve(reference, from: location)
        let node = compiler.node(for: target)
        if !fragment.isEmpty, !fragment.hasPrefix("/"),
           case .object(let targetMembers)? = index.value(at: target),
           targetMembers["$dynamicAnchor"] == .string(fragment) {
            compiler.usesDynamicScope = true
            return .dynamicRef(anchor: fragment, fallback: node)
        }
        return .ref(node)
    }

    // MARK: - Helpers

    private func child(_ keyword: String, _ name: String? = nil) -> Int32 {
        var pointer = location.pointer + "/" + JSONPointer.escape(keyword)
        if let name { pointer += "/" + JSONPointer.escape(name) }
        return compiler.node(for: SchemaLocation(document: location.document, pointer: pointer))
    }

    private func invalid(_ keyword: String, _ message: String) -> JSONSchemaError {
        JSONSchemaError(kind: .invalidKeyword,
                        location: index.describe(SchemaLocation(document: location.document, pointer: location.pointer + "/" + JSONPointer.escape(keyword))),
                        message: "\(keyword) \(message)")
    }

    private func regex(_ pattern: String, keyword: String) throws(JSONSchemaError) -> ECMARegex {
        do {
            return try ECMARegex(pattern)
        } catch {
            var located = error
            located.location = index.describe(SchemaLocation(document: location.document, pointer: location.pointer + "/" + keyword))
            throw located
        }
    }

    /// A non-negative integer keyword (`2.0` accepted, as the drafts allow); huge values saturate.
    private func count(_ keyword: String) throws(JSONSchemaError) -> Int? {
        guard let value = members[keyword] else { return nil }
        switch value {
        case .integer(let integer) where integer >= 0:
            return integer
        case .number(let double) where double >= 0 && double.rounded(.towardZero) == double:
            return double >= 9.2e18 ? Int.max : Int(double)
        default:
            throw invalid(keyword, "must be a non-negative integer")
        }
    }

    private func strings(_ value: JSONValue, _ keyword: String) throws(JSONSchemaError) -> [String] {
        guard case .array(let elements) = value else { throw invalid(keyword, "must be an array of strings") }
        var result: [String] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            guard case .string(let text) = element else { throw invalid(keyword, "must be an array of strings") }
            result.append(text)
        }
        return result
    }
}
