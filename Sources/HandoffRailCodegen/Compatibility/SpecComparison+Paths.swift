import OpenAPIKit

extension SpecComparison {

    /// A path item with the path it is served at, after following a `$ref`
    /// to `#/components/pathItems`.
    struct PathEntry: Sendable {

        /// The path as written, for example `/api/v1/packets/{id}`.
        var path: OpenAPI.Path

        /// The path item.
        var item: OpenAPI.PathItem

        /// Where the path is listed (`#/paths/~1api~1v1~1packets`).
        var pointer: SpecPointer

        /// Where the path item is defined: `pointer`, or the
        /// `#/components/pathItems/...` entry it references.
        var itemPointer: SpecPointer
    }

    /// Compares the paths of both documents and then the operations of every
    /// path present in both.
    ///
    /// Paths are matched by their template with parameter names erased, so
    /// renaming `/packets/{id}` to `/packets/{packetId}` is the same URL on
    /// the wire (the renamed path parameter is reported by the parameter check).
    mutating func comparePaths() {
        let oldPaths = Self.pathEntries(of: oldDocument, resolver: old)
        let newPaths = Self.pathEntries(of: newDocument, resolver: new)

        for (key, entry) in oldPaths where newPaths[key] == nil {
            record(.breaking, at: entry.pointer, "path \(entry.path.rawValue) was removed; clients calling it will fail")
        }
        for (key, entry) in newPaths where oldPaths[key] == nil {
            record(.nonBreaking, at: entry.pointer, "path \(entry.path.rawValue) was added")
        }
        for (key, oldEntry) in oldPaths {
            guard let newEntry = newPaths[key] else { continue }
            comparePathItems(oldEntry, newEntry)
        }
    }

    /// Compares the operations of a path present in both documents.
    private mutating func comparePathItems(_ oldEntry: PathEntry, _ newEntry: PathEntry) {
        let oldOperations = Dictionary(
            oldEntry.item.endpoints.map { ($0.method.rawValue.lowercased(), $0.operation) },
            uniquingKeysWith: { first, _ in first }
        )
        let newOperations = Dictionary(
            newEntry.item.endpoints.map { ($0.method.rawValue.lowercased(), $0.operation) },
            uniquingKeysWith: { first, _ in first }
        )
        for method in oldOperations.keys where newOperations[method] == nil {
            record(
                .breaking,
                at: oldEntry.itemPointer.appending(method),
                "operation \(method.uppercased()) \(oldEntry.path.rawValue) was removed; clients calling it will fail"
            )
        }
        for method in newOperations.keys where oldOperations[method] == nil {
            record(.nonBreaking, at: newEntry.itemPointer.appending(method), "operation \(method.uppercased()) \(newEntry.path.rawValue) was added")
        }
        for (method, oldOperation) in oldOperations {
            guard let newOperation = newOperations[method] else { continue }
            compareOperations(
                OperationEntry(method: method, operation: oldOperation, pathEntry: oldEntry),
                OperationEntry(method: method, operation: newOperation, pathEntry: newEntry)
            )
        }
    }

    /// The path items of a document keyed by their template with parameter
    /// names erased (`/packets/{}`).
    private static func pathEntries(of document: OpenAPI.Document, resolver: SpecComponentResolver) -> [String: PathEntry] {
        var entries: [String: PathEntry] = [:]
        for (path, item) in document.paths {
            let pointer = SpecPointer.root.appending("paths", path.rawValue)
            guard let resolved = resolver.resolve(item, at: pointer) else { continue }
            let key = path.components
                .map { $0.hasPrefix("{") && $0.hasSuffix("}") ? "{}" : $0 }
                .joined(separator: "/") + (path.trailingSlash ? "/" : "")
            entries[key] = entries[key] ?? PathEntry(path: path, item: resolved.value, pointer: pointer, itemPointer: resolved.pointer)
        }
        return entries
    }
}
