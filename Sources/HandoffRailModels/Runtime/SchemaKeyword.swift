import Foundation

/// A compiled keyword. Child schemas are node indices into `SchemaProgram.nodes`.
///
/// Everything a keyword needs at validation time is precomputed here (the pydantic
/// `expected` text of an `enum`, compiled regexes, the property names that
/// `additionalProperties` must skip), so evaluating it is a single `switch`.
///
/// ```swift
/// let keyword = SchemaKeyword.minLength(1)   // from {"minLength": 1}
/// ```
enum SchemaKeyword: Sendable {
    case type(JSONTypeMask)
    case enumeration([JSONValue], expected: String)
    case constant(JSONValue, expected: String)
    case bound(SchemaBoundKind, JSONValue)
    case multipleOf(JSONValue)
    case minLength(Int)
    case maxLength(Int)
    case pattern(ECMARegex)
    case format(SchemaFormat)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case minProperties(Int)
    case maxProperties(Int)
    case required([String])
    case dependentRequired([(name: String, required: [String])])
    case properties([(name: String, node: Int32)])
    case patternProperties([(regex: ECMARegex, node: Int32)])
    case additionalProperties(Int32, known: Set<String>, patterns: [ECMARegex])
    case propertyNames(Int32)
    case dependentSchemas([(name: String, node: Int32)])
    /// `prefixItems`, or draft-07 `items` in array form.
    case prefixItems([Int32])
    /// 2020-12 `items`, draft-07 `items` (schema form, `from` 0) or `additionalItems` (`from` = tuple length).
    case items(Int32, from: Int)
    case contains(Int32, min: Int, max: Int?)
    case allOf([Int32])
    case anyOf([Int32])
    case oneOf([Int32])
    case not(Int32)
    case conditional(if: Int32, then: Int32?, else: Int32?)
    case ref(Int32)
    case dynamicRef(anchor: String, fallback: Int32)
    case unevaluatedProperties(Int32)
    case unevaluatedItems(Int32)
}

/// Which numeric bound a `bound` keyword checks (`minimum`, `exclusiveMinimum`, …).
///
/// ```swift
/// SchemaKeyword.bound(.exclusiveMaximum, 100)
/// ```
enum SchemaBoundKind: Sendable {
    case minimum, exclusiveMinimum, maximum, exclusiveMaximum
}
