import Foundation

/// Value keywords (type, enum, const, bounds, lengths, pattern, format, counts, required) and
/// their pydantic v2 error mapping.
extension SchemaEvaluator {
    /// Keywords that inspect the instance without applying subschemas.
    @inline(never)
    mutating func checkValue(_ keyword: SchemaKeyword, _ instance: JSONValue) -> Bool {
        switch keyword {
        case .type(let mask):
            if mask.admits(instance) { return true }
            if collecting { reportType(mask, instance) }
            return false
        case .enumeration(let values, let expected):
            if values.contains(where: { JSONEquality.equal($0, instance) }) { return true }
            if collecting { report("enum", "Input should be \(expected)", instance, ctx: ["expected": .string(expected)]) }
            return false
        case .constant(let value, let expected):
            if JSONEquality.equal(value, instance) { return true }
            if collecting { report("literal_error", "Input should be \(expected)", instance, ctx: ["expected": .string(expected)]) }
            return false
        case .bound(let kind, let limit):
            return checkBound(kind, limit, instance)
        case .multipleOf(let divisor):
            switch instance {
            case .integer, .number:
                if DecimalMultiple.isMultiple(instance, of: divisor) { return true }
                if collecting {
                    report("multiple_of", "Input should be a multiple of \(PydanticText.number(divisor))", instance, ctx: ["multiple_of": divisor])
                }
                return false
            default:
                return true
            }
        case .minLength(let limit):
            guard case .string(let string) = instance else { return true }
            let bytes = string.utf8.count
            if limit <= bytes / 4 || (bytes >= limit && string.unicodeScalars.count >= limit) { return true }
            if collecting {
                report("string_too_short", "String should have at least \(PydanticText.plural(limit, "character"))", instance,
                       ctx: ["min_length": .integer(limit)])
            }
            return false
        case .maxLength(let limit):
            guard case .string(let string) = instance else { return true }
            if string.utf8.count <= limit || string.unicodeScalars.count <= limit { return true }
            if collecting {
                report("string_too_long", "String should have at most \(PydanticText.plural(limit, "character"))", instance,
                       ctx: ["max_length": .integer(limit)])
            }
            return false
        case .pattern(let regex):
            guard case .string(let string) = instance else { return true }
            if regex.matches(string) { return true }
            if collecting {
                report("string_pattern_mismatch", "String should match pattern '\(regex.source)'", instance,
                       ctx: ["pattern": .string(regex.source)])
            }
            return false
        case .format(let format):
            guard case .string(let string) = instance, let reason = format.failure(for: string) else { return true }
            if collecting { issues.append(format.issue(reason: reason, input: instance, loc: path)) }
            return false
        case .minItems(let limit):
            guard case .array(let elements) = instance, elements.count < limit else { return true }
            if collecting { reportCount(tooShort: true, "List", limit, elements.count, instance) }
            return false
        case .maxItems(let limit):
            guard case .array(let elements) = instance, elements.count > limit else { return true }
            if collecting { reportCount(tooShort: false, "List", limit, elements.count, instance) }
            return false
        case .uniqueItems:
            guard case .array(let elements) = instance, !JSONEquality.allUnique(elements) else { return true }
            if collecting { report("unique_items", "List should have unique items", instance) }
            return false
        case .minProperties(let limit):
            guard case .object(let members) = instance, members.count < limit else { return true }
            if collecting { reportCount(tooShort: true, "Dictionary", limit, members.count, instance) }
            return false
        case .maxProperties(let limit):
            guard case .object(let members) = instance, members.count > limit else { return true }
            if collecting { reportCount(tooShort: false, "Dictionary", limit, members.count, instance) }
            return false
        case .required(let names):
            guard case .object(let members) = instance else { return true }
            var valid = true
            for name in names where members[name] == nil {
                if !collecting { return false }
                valid = false
                report("missing", "Field required", instance, at: .key(name))
            }
            return valid
        case .dependentRequired(let rules):
            guard case .object(let members) = instance else { return true }
            var valid = true
            for rule in rules where members[rule.name] != nil {
                for name in rule.required where members[name] == nil {
                    if !collecting { return false }
                    valid = false
                    report("missing", "Field required", instance, ctx: ["required_by": .string(rule.name)], at: .key(name))
                }
            }
            return valid
        default:
            return true  // applicators are handled by `check`
        }
    }

    private mutating func checkBound(_ kind: SchemaBoundKind, _ limit: JSONValue, _ instance: JSONValue) -> Bool {
        guard let order = JSONNumber.compare(instance, limit) else { return true }
        let valid: Bool
        switch kind {
        case .minimum: valid = order >= 0
        case .exclusiveMinimum: valid = order > 0
        case .maximum: valid = order <= 0
        case .exclusiveMaximum: valid = order < 0
        }
        if valid || !collecting { return valid }
        let shown = PydanticText.number(limit)
        switch kind {
        case .minimum: report("greater_than_equal", "Input should be greater than or equal to \(shown)", instance, ctx: ["ge": limit])
        case .exclusiveMinimum: report("greater_than", "Input should be greater than \(shown)", instance, ctx: ["gt": limit])
        case .maximum: report("less_than_equal", "Input should be less than or equal to \(shown)", instance, ctx: ["le": limit])
        case .exclusiveMaximum: report("less_than", "Input should be less than \(shown)", instance, ctx: ["lt": limit])
        }
        return false
    }

    mutating func reportCount(tooShort: Bool, _ fieldType: String, _ limit: Int, _ actual: Int, _ instance: JSONValue) {
        let bound = tooShort ? "at least" : "at most"
        report(tooShort ? "too_short" : "too_long",
               "\(fieldType) should have \(bound) \(PydanticText.plural(limit, "item")) after validation, not \(actual)", instance,
               ctx: ["field_type": .string(fieldType), tooShort ? "min_length" : "max_length": .integer(limit),
                     "actual_length": .integer(actual)])
    }

    private mutating func reportType(_ mask: JSONTypeMask, _ instance: JSONValue) {
        var expected = mask
        if expected != .null { expected.remove(.null) }  // `["string", "null"]` given 1 → "valid string", as pydantic says for Optional[str]
        if expected.contains(.number) { expected.remove(.integer) }
        switch expected {
        case .string: report("string_type", "Input should be a valid string", instance)
        case .integer:
            if case .number = instance {
                report("int_from_float", "Input should be a valid integer, got a number with a fractional part", instance)
            } else {
                report("int_type", "Input should be a valid integer", instance)
            }
        case .number: report("float_type", "Input should be a valid number", instance)
        case .boolean: report("bool_type", "Input should be a valid boolean", instance)
        case .object: report("dict_type", "Input should be a valid dictionary", instance)
        case .array: report("list_type", "Input should be a valid list", instance)
        case .null: report("none_required", "Input should be None", instance)
        default:
            let names: [(JSONTypeMask, String)] = [(.string, "string"), (.integer, "integer"), (.number, "number"), (.boolean, "boolean"),
                                               (.object, "object"), (.array, "array"), (.null, "null")]
            let listed = names.filter { mask.contains($0.0) && !(($0.0 == .integer) && mask.contains(.number)) }.map(\.1)
            let text = listed.dropLast().joined(separator: ", ") + " or " + listed.last!
            report("invalid_type", "Input should be of type \(text)", instance, ctx: ["expected": .string(text)])
        }
    }
}
