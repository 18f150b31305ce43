import Foundation

/// The keyword set in force for a schema resource: the draft plus its enabled vocabularies.
///
/// Draft 2020-12 lets a custom metaschema switch vocabularies off through `$vocabulary`
/// (e.g. a metaschema without the validation vocabulary makes `minimum` an annotation),
/// so the compiler consults this instead of the draft alone.
///
/// ```swift
/// let dialect = SchemaDialect(draft: .draft2020_12, vocabularies: .all)
/// ```
struct SchemaDialect: Hashable, Sendable {
    var draft: JSONSchemaDraft
    var vocabularies: SchemaVocabularies

    static let draft7 = SchemaDialect(draft: .draft7, vocabularies: .all)
    static let draft2020_12 = SchemaDialect(draft: .draft2020_12, vocabularies: .all)

    static func standard(_ draft: JSONSchemaDraft) -> SchemaDialect {
        draft == .draft7 ? .draft7 : .draft2020_12
    }

    /// The built-in dialect for a well-known `$schema` URI (fragment ignored), or `nil`.
    static func wellKnown(_ uri: String) -> SchemaDialect? {
        var key = uri
        if key.hasSuffix("#") { key.removeLast() }
        if key.hasPrefix("https://json-schema.org/") { key = "http://" + key.dropFirst("https://".count) }
        switch key {
        case "http://json-schema.org/draft-07/schema", "http://json-schema.org/draft-06/schema",
             "http://json-schema.org/draft-04/schema":
            return .draft7
        case "http://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft/2019-09/schema",
             "http://json-schema.org/schema":
            return .draft2020_12
        default:
            return nil
        }
    }
}

/// The 2020-12 vocabularies (draft-07 has all of them implicitly).
struct SchemaVocabularies: OptionSet, Hashable, Sendable {
    let rawValue: UInt16
    static let core = SchemaVocabularies(rawValue: 1)
    static let applicator = SchemaVocabularies(rawValue: 2)
    static let unevaluated = SchemaVocabularies(rawValue: 4)
    static let validation = SchemaVocabularies(rawValue: 8)
    static let metaData = SchemaVocabularies(rawValue: 16)
    static let formatAnnotation = SchemaVocabularies(rawValue: 32)
    static let formatAssertion = SchemaVocabularies(rawValue: 64)
    static let content = SchemaVocabularies(rawValue: 128)
    static let all: SchemaVocabularies = [.core, .applicator, .unevaluated, .validation, .metaData, .formatAnnotation,
                                    .formatAssertion, .content]

    init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The vocabulary a 2020-12 (or 2019-09) vocabulary URI names, or `nil` if unknown.
    init?(uri: String) {
        let prefixes = ["https://json-schema.org/draft/2020-12/vocab/", "https://json-schema.org/draft/2019-09/vocab/"]
        guard let prefix = prefixes.first(where: { uri.hasPrefix($0) }) else { return nil }
        switch uri.dropFirst(prefix.count) {
        case "core": self = .core
        case "applicator": self = .applicator
        case "unevaluated": self = .unevaluated
        case "validation": self = .validation
        case "meta-data": self = .metaData
        case "format-annotation", "format": self = .formatAnnotation
        case "format-assertion": self = .formatAssertion
        case "content": self = .content
        default: return nil
        }
    }
}
