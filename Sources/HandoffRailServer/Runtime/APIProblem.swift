import Foundation
import HandoffRailModels
import Hummingbird

/// An error answer in the protocol's shape: `{"detail": "..."}` plus optional `code`/`field`.
public struct APIProblem: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var detail: String
    public var code: String?
    public var field: String?

    public init(status: HTTPResponse.Status, detail: String, code: String? = nil, field: String? = nil) {
        self.status = status
        self.detail = detail
        self.code = code
        self.field = field
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var body: [String: JSONValue] = ["detail": .string(detail)]
        if let code { body["code"] = .string(code) }
        if let field { body["field"] = .string(field) }
        return try ResponseWriter.json(JSONValue.object(body), status: Int(status.code))
    }
}

/// A request that failed validation: FastAPI's 422 `{"detail": [{type, loc, msg, input}]}`
/// with every issue found, in order.
public struct RequestValidationFailure: Error, HTTPResponseError, Sendable {
    public var issues: [ValidationIssue]

    public init(issues: [ValidationIssue]) { self.issues = issues }

    public var status: HTTPResponse.Status { .unprocessableContent }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try ResponseWriter.json(ValidationErrorDocument(detail: issues), status: 422)
    }
}

/// The 422 body.
struct ValidationErrorDocument: Encodable {
    var detail: [ValidationIssue]
}
