import HandoffRailModels

/// Failures of the service that are not documented responses of an operation.
public enum ServiceError: APIErrorConvertible, Hashable, CustomStringConvertible {
    /// The operation has no implementation in this build.
    case notImplemented(operationID: String)

    public var statusCode: Int {
        switch self {
        case .notImplemented: return 501
        }
    }

    public var detail: String { description }

    public var description: String {
        switch self {
        case .notImplemented(let operationID): return "\(operationID) is not implemented yet"
        }
    }
}
