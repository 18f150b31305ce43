import Foundation
import HandoffRailModels
import Hummingbird

/// An error answer in the protocol's shape: `{"detail": "..."}` plus optional `code`/`field`.
public struct APIProblem: Error, HTTPResponseError, Sendable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The human-readable message.
    public var detail: String
    /// A machine-readable reason, where it helps (`daily_limit_exceeded`).
    public var code: String?
    /// The input the problem is about, where there is one (`rate_limit`).
    public var field: String?

    /// A problem answer.
    public init(status: HTTPResponse.Status, detail: String, code: String? = nil, field: String? = nil) {
        self.status = status
        self.detail = detail
        self.code = code
        self.field = field
    }

    /// The JSON response, members in the reference's order: `detail`, `code`, `field`.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var members = [("detail", detail)]
        if let code { members.append(("code", code)) }
        if let field { members.append(("field", field)) }
        return ResponseWriter.orderedJSON(members, status: Int(status.code))
    }
}

/// A request that failed validation: FastAPI's 422 `{"detail": [{type, loc, msg, input}]}`
/// with every issue found, in order.
public struct RequestValidationFailure: Error, HTTPResponseError, Sendable {
    /// Every issue found, locations prefixed with `body`, `query`, `path` or `header`.
    public var issues: [ValidationIssue]

    /// A 422 with `issues`.
    public init(issues: [ValidationIssue]) { self.issues = issues }

    /// Always 422.
    public var status: HTTPResponse.Status { .unprocessableContent }

    /// The FastAPI-shaped body.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try ResponseWriter.json(ValidationErrorDocument(detail: issues), status: 422)
    }
}

/// The 422 body.
struct ValidationErrorDocument: Encodable {
    var detail: [ValidationIssue]
}
