import Foundation

/// Turns a schema document (plus registry documents and metaschemas it references) into a `SchemaProgram`.
///
/// Every subschema location gets a node index the first time something refers to it and
/// is compiled from a work queue, so `$ref` cycles (`{"$ref": "#"}`) never recurse. All
/// subschemas of the root document are compiled eagerly (so `validate(_:at:)` can address
/// any of them without compiling at validation time); other documents only as far as
/// they are referenced.
///
/// ```swift
/// let program = try SchemaCompiler.compile(schema: ["type": "string"], defaultDraft: .draft2020_12,
///                                          assertFormats: true, registry: [:], extraPointers: [])
/// ```
final class SchemaCompiler {
    let index: SchemaIndex
    let assertFormats: Bool
    private(set) var nodes: [SchemaNode] = []
    private var nodeOf: [SchemaLocation: Int32] = [:]
    private var queue: [SchemaLocation] = []
    var usesDynamicScope = false

    private init(index: SchemaIndex, assertFormats: Bool) {
        self.index = index
        self.assertFormats = assertFormats
    }

    static func compile(schema: JSONValue, defaultDraft: JSONSchemaDraft, assertFormats: Bool,
                        registry: [String: JSONValue], extraPointers: [String]) throws(JSONSchemaError) -> SchemaProgram {
        let index = SchemaIndex(registry: registry, defaultDialect: .standard(defaultDraft))
        let compiler = SchemaCompiler(index: index, assertFormats: assertFormats)
        let rootLocation = try index.addDocument(schema, uri: SchemaIndex.defaultRootURI, dialect: nil)
        let root = compiler.node(for: rootLocation)
        var rootLocations = index.indexedLocations(in: rootLocation.document)
        for pointer in extraPointers + openAPIComponentPointers(schema) {
            let location = SchemaLocation(document: rootLocation.document, pointer: pointer)
            _ = try index.ensureIndexed(location)
            rootLocations.append(location)
        }
        for location in rootLocations { _ = compiler.node(for: location) }
        try compiler.drain()

        var pointers: [String: Int32] = [:]
        for location in rootLocations { pointers[location.pointer] = compiler.nodeOf[location] }
        let dynamicAnchors = index.dynamicAnchors.map { anchors in
            anchors.compactMapValues { compiler.nodeOf[$0] }
        }
        var nodes = compiler.nodes
        SchemaUnionHints.compute(&nodes)
        return SchemaProgram(nodes: nodes, root: root, pointers: pointers, dynamicAnchors: dynamicAnchors,
                             usesDynamicScope: compiler.usesDynamicScope)
    }

    /// `/components/schemas/<name>` for every component schema when `schema` is an OpenAPI document,
    /// so that `validate(_:at:)` can address them without compiling at validation time.
    private static func openAPIComponentPointers(_ schema: JSONValue) -> [String] {
        guard case .string? = schema["openapi"], case .object(let components)? = schema["components"],
              case .object(let schemas)? = components["schemas"] else { return [] }
        return schemas.keys.sorted().map { "/components/schemas/" + JSONPointer.escape($0) }
    }

    /// The node index for `location`, allocating and queueing it on first use.
    func node(for location: SchemaLocation) -> Int32 {
        if let known = nodeOf[location] { return known }
        let id = Int32(nodes.count)
        nodes.append(SchemaNode())
        nodeOf[location] = id
        queue.append(location)
        return id
    }

    private func drain() throws(JSONSchemaError) {
        while true {
            if let location = queue.popLast() {
                let id = nodeOf[location]!
                nodes[Int(id)] = try compileNode(at: location)
            } else if let anchor = index.pendingDynamicAnchors.popLast() {
                _ = node(for: anchor)
            } else {
                return
            }
        }
    }

    private func compileNode(at location: SchemaLocation) throws(JSONSchemaError) -> SchemaNode {
        let info = try index.ensureIndexed(location)
        switch index.value(at: location) {
        case .bool(true)?:
            return SchemaNode(resource: info.resource)
        case .bool(false)?:
            return SchemaNode(isFalse: true, resource: info.resource, typeHint: [])
        case .object(let members)?:
            var builder = KeywordCompiler(compiler: self, location: location, members: members, dialect: info.dialect)
            var node = SchemaNode(resource: info.resource)
            node.keywords = try builder.compile()
            node.readsAnnotations = node.keywords.contains { keyword in
                switch keyword {
                case .unevaluatedItems, .unevaluatedProperties: return true
                default: return false
                }
            }
            return node
        default:
            throw JSONSchemaError(kind: .invalidKeyword, location: index.describe(location),
                                  message: "a schema must be an object or a boolean")
        }
    }
}
