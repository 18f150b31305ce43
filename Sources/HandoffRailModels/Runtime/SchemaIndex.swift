import Foundation

/// A position inside one of the documents known to a compilation.
struct SchemaLocation: Hashable {
    var document: Int
    var pointer: String
}

/// Compile-time knowledge about documents: where every schema resource and anchor lives and
/// which base URI and dialect apply at each subschema.
///
/// `$ref` resolution needs all identifiers of a document before any reference is followed
/// (a `$ref` may point forward to an `$id` declared deeper), so each document is walked
/// once, through the subschema keywords of its dialect only (an `$id` inside `enum` or an
/// unknown keyword is data, not an identifier). Documents from the registry or the
/// embedded metaschemas are loaded the first time a reference needs them; nothing is
/// ever fetched from the network.
///
/// ```swift
/// let index = SchemaIndex(registry: [:], defaultDialect: .draft2020_12)
/// let root = try index.addDocument(schema, uri: SchemaIndex.defaultRootURI, dialect: nil)
/// let target = try index.resolve("#/$defs/a", from: root)
/// ```
final class SchemaIndex {
    /// Base URI of a root schema without `$id`, chosen so relative references have something to resolve against.
    static let defaultRootURI = "urn:handoffrail:schema:root"

    struct LocationInfo {
        var base: URIReference
        var dialect: SchemaDialect
        var resource: Int32
    }

    private(set) var documents: [JSONValue] = []
    private(set) var documentURIs: [String] = []
    private var info: [SchemaLocation: LocationInfo] = [:]
    private var resources: [String: SchemaLocation] = [:]
    private var anchors: [String: SchemaLocation] = [:]
    /// Per resource index: dynamic anchor name → location.
    private(set) var dynamicAnchors: [[String: SchemaLocation]] = []
    /// Locations discovered by indexing that must be compiled (all `$dynamicAnchor`s).
    var pendingDynamicAnchors: [SchemaLocation] = []
    private var dialectCache: [String: SchemaDialect] = [:]
    private let registry: [String: JSONValue]
    let defaultDialect: SchemaDialect

    init(registry: [String: JSONValue], defaultDialect: SchemaDialect) {
        var normalized: [String: JSONValue] = [:]
        for (uri, document) in registry { normalized[Self.normalize(uri)] = document }
        self.registry = normalized
        self.defaultDialect = defaultDialect
    }

    /// `uri` without an empty trailing fragment (`…/schema#` → `…/schema`).
    static func normalize(_ uri: String) -> String {
        uri.hasSuffix("#") ? String(uri.dropLast()) : uri
    }

    func locationInfo(_ location: SchemaLocation) -> LocationInfo? { info[location] }

    /// All indexed subschema locations of `document`.
    func indexedLocations(in document: Int) -> [SchemaLocation] {
        info.keys.filter { $0.document == document }
    }

    func value(at location: SchemaLocation) -> JSONValue? {
        JSONPointer.resolve(location.pointer, in: documents[location.document])
    }

    /// `uri#pointer`, for error messages.
    func describe(_ location: SchemaLocation) -> String {
        documentURIs[location.document] + "#" + location.pointer
    }

    // MARK: - Documents

    /// Adds and indexes a document retrieved from `uri`; `dialect` `nil` means "from `$schema`, else the default".
    @discardableResult
    func addDocument(_ document: JSONValue, uri: String, dialect: SchemaDialect?) throws(JSONSchemaError) -> SchemaLocation {
        let index = documents.count
        documents.append(document)
        documentURIs.append(uri)
        let location = SchemaLocation(document: index, pointer: "")
        let resource = newResource()
        let base = URIReference(uri).withoutFragment
        resources[base.string] = location
        try walk(document, at: location, base: base, dialect: dialect ?? defaultDialect, resource: resource, isDocumentRoot: true)
        return location
    }

    /// Makes sure `location` (possibly under an unknown keyword) has base/dialect information, indexing it if needed.
    func ensureIndexed(_ location: SchemaLocation) throws(JSONSchemaError) -> LocationInfo {
        if let known = info[location] { return known }
        var tokens = JSONPointer.tokens(location.pointer) ?? []
        var parent: LocationInfo? = nil
        while parent == nil && !tokens.isEmpty {
            tokens.removeLast()
            let pointer = tokens.isEmpty ? "" : "/" + tokens.map(JSONPointer.escape).joined(separator: "/")
            parent = info[SchemaLocation(document: location.document, pointer: pointer)]
        }
        let inherited = parent ?? LocationInfo(base: URIReference(documentURIs[location.document]), dialect: defaultDialect, resource: 0)
        if let value = value(at: location) {
            try walk(value, at: location, base: inherited.base, dialect: inherited.dialect, resource: inherited.resource, isDocumentRoot: false)
        }
        return info[location] ?? inherited
    }

    private func newResource() -> Int32 {
        dynamicAnchors.append([:])
        return Int32(dynamicAnchors.count - 1)
    }

    private func walk(_ value: JSONValue, at location: SchemaLocation, base: URIReference, dialect: SchemaDialect,
                      resource: Int32, isDocumentRoot: Bool) throws(JSONSchemaError) {
        guard case .object(let members) = value else {
            info[location] = LocationInfo(base: base, dialect: dialect, resource: resource)
            return
        }
        var dialect = dialect
        var base = base
        var resource = resource
        if case .string(let schemaURI)? = members["$schema"], isDocumentRoot || members["$id"] != nil {
            dialect = try self.dialect(forMetaschema: schemaURI, location: location)
        }
        let refSuppressesID = dialect.draft == .draft7 && members["$ref"] != nil
        if case .string(let id)? = members["$id"], !refSuppressesID {
            if dialect.draft == .draft7 && id.hasPrefix("#") {
                anchors[base.string + id] = location
            } else {
                let resolved = URIReference(id).resolved(against: base)
                let newBase = resolved.withoutFragment
                if newBase != base || !isDocumentRoot {
                    if !isDocumentRoot { resource = newResource() }
                    base = newBase
                }
                resources[base.string] = location
                if let fragment = resolved.fragment, !fragment.isEmpty, !fragment.hasPrefix("/") {
                    anchors[base.string + "#" + fragment] = location
                }
            }
        }
        if dialect.draft == .draft2020_12 {
            if case .string(let anchor)? = members["$anchor"] {
                anchors[base.string + "#" + anchor] = location
            }
            if case .string(let anchor)? = members["$dynamicAnchor"] {
                anchors[base.string + "#" + anchor] = location
                dynamicAnchors[Int(resource)][anchor] = location
                pendingDynamicAnchors.append(location)
            }
        }
        info[location] = LocationInfo(base: base, dialect: dialect, resource: resource)

        func child(_ pointer: String, _ value: JSONValue) throws(JSONSchemaError) {
            try walk(value, at: SchemaLocation(document: location.document, pointer: pointer), base: base,
                     dialect: dialect, resource: resource, isDocumentRoot: false)
        }
        let prefix = location.pointer
        for (keyword, member) in members {
            switch Self.subschemaShape(of: keyword, draft: dialect.draft) {
            case .none:
                continue
            case .single:
                if case .array(let elements) = member, keyword == "items" {
                    for (offset, element) in elements.enumerated() { try child("\(prefix)/items/\(offset)", element) }
                } else {
                    try child(prefix + "/" + JSONPointer.escape(keyword), member)
                }
            case .array:
                guard case .array(let elements) = member else { continue }
                for (offset, element) in elements.enumerated() {
                    try child("\(prefix)/\(JSONPointer.escape(keyword))/\(offset)", element)
                }
            case .map:
                guard case .object(let entries) = member else { continue }
                for (name, entry) in entries {
                    if keyword == "dependencies", case .array = entry { continue }
                    try child(prefix + "/" + JSONPointer.escape(keyword) + "/" + JSONPointer.escape(name), entry)
                }
            }
        }
    }

    enum SubschemaShape { case none, single, array, map }

    /// How a keyword holds subschemas in a draft.
    static func subschemaShape(of keyword: String, draft: JSONSchemaDraft) -> SubschemaShape {
        switch keyword {
        case "additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else":
            return .single
        case "allOf", "anyOf", "oneOf":
            return .array
        case "properties", "patternProperties", "dependencies":
            return .map
        default:
            break
        }
        switch draft {
        case .draft7:
            switch keyword {
            case "additionalItems": return .single
            case "definitions": return .map
            default: return .none
            }
        case .draft2020_12:
            switch keyword {
            case "unevaluatedItems", "unevaluatedProperties", "contentSchema": return .single
            case "prefixItems": return .array
            case "$defs", "dependentSchemas": return .map
            default: return .none
            }
        }
    }

    // MARK: - Resolution

    /// The location a `$ref` value designates, resolved against the base URI at `from`.
    func resolve(_ reference: String, from location: SchemaLocation) throws(JSONSchemaError) -> (SchemaLocation, fragment: String) {
        let here = try ensureIndexed(location)
        let target = URIReference(reference).resolved(against: here.base)
        let resourceURI = target.withoutFragment.string
        let fragment = URIReference.percentDecode(target.fragment ?? "")
        guard let root = try resource(resourceURI, dialect: here.dialect) else {
            throw JSONSchemaError(kind: .unresolvableReference, location: describe(location),
                                  message: "cannot resolve '\(reference)': no schema with URI '\(resourceURI)'")
        }
        if fragment.isEmpty { return (root, fragment) }
        if fragment.hasPrefix("/") {
            let candidate = SchemaLocation(document: root.document, pointer: root.pointer + fragment)
            guard value(at: candidate) != nil else {
                throw JSONSchemaError(kind: .unresolvableReference, location: describe(location),
                                      message: "cannot resolve '\(reference)': JSON pointer '\(fragment)' not found")
            }
            return (candidate, fragment)
        }
        guard let anchored = anchors[resourceURI + "#" + fragment] else {
            throw JSONSchemaError(kind: .unresolvableReference, location: describe(location),
                                  message: "cannot resolve '\(reference)': no anchor '\(fragment)' in '\(resourceURI)'")
        }
        return (anchored, fragment)
    }

    /// The root location of the resource `uri`, loading it from the registry or embedded metaschemas if needed.
    private func resource(_ uri: String, dialect: SchemaDialect) throws(JSONSchemaError) -> SchemaLocation? {
        if let known = resources[uri] { return known }
        guard let document = registry[uri] ?? EmbeddedMetaschemas.document(for: uri) else { return nil }
        try addDocument(document, uri: uri, dialect: dialect)
        return resources[uri]
    }

    // MARK: - Dialects

    /// The dialect selected by a `$schema` URI: a standard draft, or a custom metaschema's `$vocabulary`.
    func dialect(forMetaschema uri: String, location: SchemaLocation) throws(JSONSchemaError) -> SchemaDialect {
        if let known = SchemaDialect.wellKnown(uri) { return known }
        let key = Self.normalize(uri)
        if let cached = dialectCache[key] { return cached }
        guard case .object(let metaschema)? = registry[key] ?? EmbeddedMetaschemas.document(for: key) else {
            throw JSONSchemaError(kind: .unresolvableReference, location: describe(location),
                                  message: "unknown metaschema '\(uri)' in $schema")
        }
        dialectCache[key] = defaultDialect  // guards against a metaschema cycle
        var dialect = defaultDialect
        if case .string(let parent)? = metaschema["$schema"], Self.normalize(parent) != key {
            dialect = try self.dialect(forMetaschema: parent, location: location)
        }
        if case .object(let vocabulary)? = metaschema["$vocabulary"] {
            var enabled: SchemaVocabularies = .core
            for (vocabularyURI, required) in vocabulary {
                if let known = SchemaVocabularies(uri: vocabularyURI) {
                    enabled.insert(known)
                } else if required == .bool(true) {
                    throw JSONSchemaError(kind: .unsupportedVocabulary, location: describe(location),
                                          message: "metaschema '\(uri)' requires unknown vocabulary '\(vocabularyURI)'")
                }
            }
            dialect = SchemaDialect(draft: dialect.draft == .draft7 ? .draft2020_12 : dialect.draft, vocabularies: enabled)
        }
        dialectCache[key] = dialect
        return dialect
    }
}
