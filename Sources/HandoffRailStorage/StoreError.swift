import Foundation
import HandoffRailModels

/// A failure of the store that the service turns into a protocol error.
///
/// `description` names the kind of failure only; the underlying driver error (which may carry
/// SQL or data) is kept for `debugDescription`.
public struct StoreError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, as the service needs to know it.
    public enum Code: String, Sendable {
        /// A conditional update found the row at another revision: someone changed it first.
        case revisionConflict
        /// A unique constraint refused the row (duplicate tenant name, idempotency key …).
        case duplicate
        /// The row to change does not exist (or belongs to another tenant).
        case notFound
        /// The database is unreachable or failed.
        case unavailable
        /// A ``CreationLimit`` would be exceeded.
        case limitExceeded
    }

    public var code: Code
    /// The resource the failure is about (a packet id, a tenant name …), when there is one.
    public var subject: String?
    /// The driver's error, for logs.
    public var underlying: (any Error & Sendable)?

    public init(_ code: Code, subject: String? = nil, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.subject = subject
        self.underlying = underlying
    }

    public var description: String { "StoreError.\(code.rawValue)" }

    public var debugDescription: String {
        var text = "StoreError.\(code.rawValue)"
        if let subject { text += " (\(subject))" }
        if let underlying { text += ": \(String(reflecting: underlying))" }
        return text
    }
}

extension StoreError: APIErrorConvertible {
    /// A store failure that escapes the service still answers in the protocol's shape:
    /// 503 when the database is unreachable, 409 for a lost race or a duplicate, 404.
    public var statusCode: Int {
        switch code {
        case .unavailable: return 503
        case .revisionConflict, .duplicate: return 409
        case .notFound: return 404
        case .limitExceeded: return 429
        }
    }

    public var detail: String {
        switch code {
        case .unavailable: return "Service unavailable: database unreachable"
        case .revisionConflict: return "The resource was changed concurrently; retry the request"
        case .duplicate: return "The resource already exists"
        case .notFound: return "Not found"
        case .limitExceeded: return "Quota exceeded"
        }
    }
}
