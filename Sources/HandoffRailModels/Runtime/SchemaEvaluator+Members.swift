import Foundation

/// Object and array applicators: each keyword is its own small function, so only the active
/// keyword's frame sits on the recursive path (`evaluate` → `check` → keyword → `evaluate`).
extension SchemaEvaluator {
    // MARK: - Objects

    mutating func checkProperties(_ rules: [(name: String, node: Int32)], _ instance: JSONValue,
                                  _ annotations: inout SchemaAnnotations, _ collect: Bool) -> Bool {
        guard case .object(let members) = instance else { return true }
        var valid = true
        for rule in rules {
            guard let value = members[rule.name] else { continue }
            if collect { annotations.properties.insert(rule.name) }
            if !evaluateMember(rule.node, value, rule.name) {
                if !collecting { return false }
                valid = false
            }
        }
        return valid
    }

    mutating func checkPatternProperties(_ rules: [(regex: ECMARegex, node: Int32)], _ instance: JSONValue,
                                         _ annotations: inout SchemaAnnotations, _ collect: Bool) -> Bool {
        guard case .object(let members) = instance else { return true }
        var valid = true
        for (name, value) in members {
            for rule in rules where rule.regex.matches(name) {
                if collect { annotations.properties.insert(name) }
                if !evaluateMember(rule.node, value, name) {
                    if !collecting { return false }
                    valid = false
                }
            }
        }
        return valid
    }

    mutating func checkAdditionalProperties(_ node: Int32, known: Set<String>, patterns: [ECMARegex], _ instance: JSONValue,
                                            _ annotations: inout SchemaAnnotations, _ collect: Bool) -> Bool {
        guard case .object(let members) = instance else { return true }
        var valid = true
        for (name, value) in members where !known.contains(name) && !patterns.contains(where: { $0.matches(name) }) {
            if collect { annotations.properties.insert(name) }
            if !evaluateMember(node, value, name) {
                if !collecting { return false }
                valid = false
            }
        }
        return valid
    }

    mutating func checkUnevaluatedProperties(_ node: Int32, _ instance: JSONValue, _ annotations: inout SchemaAnnotations,
                                             _ collect: Bool) -> Bool {
        guard case .object(let members) = instance else { return true }
        var valid = true
        for (name, value) in members where !annotations.properties.contains(name) {
            if !evaluateMember(node, value, name) {
                if !collecting { return false }
                valid = false
            }
        }
        if collect { annotations.properties.formUnion(members.keys) }
        return valid
    }

    mutating func checkPropertyNames(_ node: Int32, _ instance: JSONValue) -> Bool {
        guard case .object(let members) = instance else { return true }
        var valid = true
        for name in members.keys {
            push(.key(name))
            push(.key("[key]"))  // pydantic's location for a dictionary key
            let nameValid = evaluateChild(node, .string(name))
            pop()
            pop()
            if !nameValid {
                if !collecting { return false }
                valid = false
            }
        }
        return valid
    }

    mutating func checkDependentSchemas(_ rules: [(name: String, node: Int32)], _ instance: JSONValue,
                                        _ annotations: inout SchemaAnnotations, _ collect: Bool) -> Bool {
        guard case .object(let members) = instance else { return true }
        var valid = true
        for rule in rules where members[rule.name] != nil {
            if !evaluate(rule.node, instance, &annotations, collect) {
                if !collecting { return false }
                valid = false
            }
        }
        return valid
    }

    /// Evaluates the schema for one member; a `false` schema reports `extra_forbidden`, as pydantic does for unknown fields.
    private mutating func evaluateMember(_ node: Int32, _ value: JSONValue, _ name: String) -> Bool {
        if nodes[Int(node)].isFalse {
            if collecting { reportExtra(.key(name), value, "Extra inputs are not permitted") }
            return false
        }
        push(.key(name))
        let valid = evaluateChild(node, value)
        pop()
        return valid
    }

    // MARK: - Arrays

    mutating func checkPrefixItems(_ schemas: [Int32], _ instance: JSONValue, _ annotations: inout SchemaAnnotations, _ collect: Bool) -> Bool {
        guard case .array(let elements) = instance else { return true }
        var valid = true
        let count = min(schemas.count, elements.count)
        for offset in 0..<count where !evaluateItem(schemas[offset], elements[offset], offset) {
            if !collecting { return false }
            valid = false
        }
        if collect { annotations.itemsPrefix = max(annotations.itemsPrefix, count) }
        return valid
    }

    mutating func checkItems(_ node: Int32, from start: Int, _ instance: JSONValue, _ annotations: inout SchemaAnnotations,
                             _ collect: Bool) -> Bool {
        guard case .array(let elements) = instance else { return true }
        if collect { annotations.itemsPrefix = Int.max }
        guard elements.count > start else { return true }
        if nodes[Int(node)].isFalse {
            if collecting { reportCount(tooShort: false, start > 0 ? "Tuple" : "List", start, elements.count, instance) }
            return false
        }
        var valid = true
        for offset in start..<elements.count where !evaluateItem(node, elements[offset], offset) {
            if !collecting { return false }
            valid = false
        }
        return valid
    }

    mutating func checkContains(_ node: Int32, min minimum: Int, max maximum: Int?, _ instance: JSONValue,
                                _ annotations: inout SchemaAnnotations, _ collect: Bool) -> Bool {
        guard case .array(let elements) = instance else { return true }
        var matches = 0
        let countAll = collect || maximum != nil
        for offset in elements.indices {
            var scratch = SchemaAnnotations()
            if trial(node, elements[offset], &scratch, false) {
                matches += 1
                if collect { annotations.items.insert(offset) }
                if !countAll && matches >= minimum { break }
            }
        }
        if matches < minimum {
            if collecting { reportContains(atLeast: true, minimum, matches, instance) }
            return false
        }
        if let maximum, matches > maximum {
            if collecting { reportContains(atLeast: false, maximum, matches, instance) }
            return false
        }
        return true
    }

    mutating func checkUnevaluatedItems(_ node: Int32, _ instance: JSONValue, _ annotations: inout SchemaAnnotations, _ collect: Bool) -> Bool {
        guard case .array(let elements) = instance else { return true }
        var valid = true
        let isFalse = nodes[Int(node)].isFalse
        for offset in elements.indices where offset >= annotations.itemsPrefix && !annotations.items.contains(offset) {
            if isFalse {
                if !collecting { return false }
                valid = false
                reportExtra(.index(offset), elements[offset], "Extra items are not permitted")
            } else if !evaluateItem(node, elements[offset], offset) {
                if !collecting { return false }
                valid = false
            }
        }
        if collect { annotations.itemsPrefix = Int.max }
        return valid
    }

    private mutating func evaluateItem(_ node: Int32, _ value: JSONValue, _ offset: Int) -> Bool {
        push(.index(offset))
        let valid = evaluateChild(node, value)
        pop()
        return valid
    }

    // MARK: - Failure reports (out of line so the recursive frames stay small)

    @inline(never)
    private mutating func reportExtra(_ component: JSONPathComponent, _ value: JSONValue, _ message: String) {
        report("extra_forbidden", message, value, at: component)
    }

    @inline(never)
    private mutating func reportContains(atLeast: Bool, _ limit: Int, _ matches: Int, _ instance: JSONValue) {
        report("contains",
               "List should contain \(atLeast ? "at least" : "at most") \(PydanticText.plural(limit, "item")) matching the 'contains' schema, not \(matches)",
               instance, ctx: [atLeast ? "min_contains" : "max_contains": .integer(limit), "actual": .integer(matches)])
    }
}
