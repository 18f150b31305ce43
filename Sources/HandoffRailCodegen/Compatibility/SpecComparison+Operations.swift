import OpenAPIKit

extension SpecComparison {

    /// An operation together with the path item it belongs to.
    struct OperationEntry: Sendable {

        /// The lowercased HTTP method, as used in JSON pointers (`post`).
        var method: String

        /// The operation.
        var operation: OpenAPI.Operation

        /// The path item the operation belongs to.
        var pathEntry: PathEntry

        /// Where the operation is, for example `#/paths/~1api~1v1~1packets/post`.
        var pointer: SpecPointer { pathEntry.itemPointer.appending(method) }

        /// `POST /api/v1/packets`, for messages.
        var name: String { "\(method.uppercased()) \(pathEntry.path.rawValue)" }
    }

    /// Compares an operation present in both documents: its `operationId`,
    /// security, parameters, request body and responses.
    mutating func compareOperations(_ old: OperationEntry, _ new: OperationEntry) {
        compareOperationIDs(old, new)
        if new.operation.deprecated && !old.operation.deprecated {
            record(.nonBreaking, at: new.pointer.appending("deprecated"), "operation \(new.name) was deprecated; it keeps working but clients should migrate")
        }
        compareSecurity(old, new)
        compareParameters(old, new)
        compareRequestBodies(old, new)
        compareResponses(old, new)
    }

    /// Reports a changed `operationId`. The wire is unaffected, but the
    /// generated SDK names its method after the `operationId`, so code
    /// calling the old method no longer compiles.
    private mutating func compareOperationIDs(_ old: OperationEntry, _ new: OperationEntry) {
        let oldID = old.operation.operationId
        let newID = new.operation.operationId
        guard oldID != newID else { return }
        record(
            .breaking,
            at: (newID == nil ? old.pointer : new.pointer).appending("operationId"),
            "operationId changed from \(Self.quoted(oldID)) to \(Self.quoted(newID)); the wire is unchanged, but the generated SDK method is renamed and callers of the old name no longer compile"
        )
    }
}
