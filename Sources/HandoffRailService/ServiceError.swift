import HandoffRailModels

/// A failure the service reports in the protocol's error shape: an HTTP status, a
/// human-readable `detail` and, where it helps, a stable `code` and the `field` concerned.
///
/// `description` is the detail, which never contains secrets (keys, webhook secrets).
public struct ServiceError: APIErrorConvertible, Hashable, CustomStringConvertible {
    public var statusCode: Int
    public var detail: String
    public var code: String?
    public var field: String?
    /// `Retry-After` seconds, for quota answers.
    public var retryAfterSeconds: Int?

    public init(statusCode: Int, detail: String, code: String? = nil, field: String? = nil, retryAfterSeconds: Int? = nil) {
        self.statusCode = statusCode
        self.detail = detail
        self.code = code
        self.field = field
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var description: String { "\(statusCode) \(detail)" }

    /// 400: the request is not acceptable in the current state.
    public static func badRequest(_ detail: String, code: String? = nil, field: String? = nil) -> ServiceError {
        ServiceError(statusCode: 400, detail: detail, code: code, field: field)
    }

    /// 403: role, tenant or tier forbids the action.
    public static func forbidden(_ detail: String, code: String? = nil, field: String? = nil) -> ServiceError {
        ServiceError(statusCode: 403, detail: detail, code: code, field: field)
    }

    /// 404: nothing of that id exists for the caller's tenant.
    public static func notFound(_ detail: String) -> ServiceError {
        ServiceError(statusCode: 404, detail: detail, code: "not_found")
    }

    /// 409: the resource is in a state that conflicts with the request.
    public static func conflict(_ detail: String, code: String? = nil) -> ServiceError {
        ServiceError(statusCode: 409, detail: detail, code: code)
    }

    /// 410: the resource is gone (expired).
    public static func gone(_ detail: String) -> ServiceError {
        ServiceError(statusCode: 410, detail: detail, code: "expired")
    }

    /// 422 with a string detail (semantic validation the schema cannot express).
    public static func unprocessable(_ detail: String, code: String? = nil, field: String? = nil) -> ServiceError {
        ServiceError(statusCode: 422, detail: detail, code: code, field: field)
    }

    /// 429 for a quota (daily handoffs).
    public static func tooManyRequests(_ detail: String, code: String? = nil, field: String? = nil, retryAfterSeconds: Int? = nil) -> ServiceError {
        ServiceError(statusCode: 429, detail: detail, code: code, field: field, retryAfterSeconds: retryAfterSeconds)
    }

    /// 503: the database cannot be reached.
    public static let unavailable = ServiceError(statusCode: 503, detail: "Service unavailable: database unreachable", code: "unavailable")
}
