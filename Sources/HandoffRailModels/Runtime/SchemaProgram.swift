import Foundation

/// The compiled form of a schema: a flat table of nodes that reference each other by index.
///
/// Compiling once into indices (rather than a tree of references) makes recursive and
/// mutually recursive schemas (`$ref: "#"`) trivially finite, lets `$ref` be resolved at
/// compile time, and keeps validation free of URI or pointer work. Immutable after
/// construction, hence `Sendable` and shareable by every request.
///
/// ```swift
/// let program = try SchemaCompiler.compile(schema: schema, defaultDraft: .draft2020_12, assertFormats: true, registry: [:])
/// program.nodes[Int(program.root)]
/// ```
final class SchemaProgram: Sendable {
    let nodes: [SchemaNode]
    let root: Int32
    /// Node of every subschema of the root document, keyed by JSON pointer (`""`, `"/$defs/Packet"`).
    let pointers: [String: Int32]
    /// For each schema resource (by index), its `$dynamicAnchor` names and their nodes.
    let dynamicAnchors: [[String: Int32]]
    /// Whether any `$dynamicRef` needs the dynamic scope; if not, evaluation skips tracking it.
    let usesDynamicScope: Bool

    init(nodes: [SchemaNode], root: Int32, pointers: [String: Int32], dynamicAnchors: [[String: Int32]], usesDynamicScope: Bool) {
        self.nodes = nodes
        self.root = root
        self.pointers = pointers
        self.dynamicAnchors = dynamicAnchors
        self.usesDynamicScope = usesDynamicScope
    }
}

/// One compiled (sub)schema: its keywords in evaluation order.
///
/// ```swift
/// SchemaNode(keywords: [.type(.string), .minLength(1)])   // {"type": "string", "minLength": 1}
/// ```
struct SchemaNode: Sendable {
    var keywords: [SchemaKeyword] = []
    /// The boolean schema `false`.
    var isFalse = false
    /// Index of the schema resource (for the dynamic scope).
    var resource: Int32 = 0
    /// Has `unevaluatedProperties`/`unevaluatedItems`, so it must collect annotations from its subschemas.
    var readsAnnotations = false
    /// JSON types this schema can accept at all, following `$ref`/`allOf`; used to pick the alternative to report for a failed `anyOf`/`oneOf`.
    var typeHint: JSONTypeMask = .all
    /// Properties fixed by `const` (or a one-value `enum`), used like a discriminator when reporting unions.
    var constProperties: [(name: String, value: JSONValue)] = []
}
