import Foundation
import HandoffRailModels

/// The one error the HandoffRail SDK throws: every failed call, whether the server answered
/// with an error status or no answer arrived at all.
///
/// Switch on ``kind`` to decide what to do (re-authenticate, fix the input, back off, …);
/// ``body`` keeps the decoded server answer for anything more specific, and the accessors
/// (``validationIssues``, ``claimant``, ``retryAfter``, ``detail``) read the common parts.
/// ``description`` is one readable line and never contains the API key.
///
/// ```swift
/// do {
///     try await client.claim(id, agentID: "billing-01", agentName: "Billing")
/// } catch let error as HandoffRailError where error.kind == .conflict {
///     print("already claimed by", error.claimant?.id ?? "someone")
/// }
/// ```
public struct HandoffRailError: Error, Sendable, Hashable {
    /// What went wrong, coarse enough to act on.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// 401: the API key is missing, empty or unknown.
        case authentication
        /// 403: the key is revoked or its role is too low.
        case permission
        /// 404 or 410: the resource does not exist (or belongs to another tenant), or has expired.
        case notFound
        /// 400 or 422: the request was rejected as invalid; see ``HandoffRailError/validationIssues``.
        case validation
        /// 409: the resource is not in a state that allows the call (e.g. already claimed).
        case conflict
        /// 413: the body exceeds the tenant tier's packet size.
        case payloadTooLarge
        /// 429: a rate limit or the daily quota; see ``HandoffRailError/retryAfter``.
        case rateLimited
        /// 5xx: the server failed.
        case server
        /// An answer the client cannot interpret (an unexpected status or an undecodable body).
        case invalidResponse
        /// No answer: the server could not be reached or the connection broke.
        case connection
        /// No answer within the configured timeout.
        case timeout

        /// The kind an HTTP error status maps to; `nil` for statuses below 400.
        public init?(statusCode: Int) {
            switch statusCode {
            case 401: self = .authentication
            case 403: self = .permission
            case 404, 410: self = .notFound
            case 400, 422: self = .validation
            case 409: self = .conflict
            case 413: self = .payloadTooLarge
            case 429: self = .rateLimited
            case 500...599: self = .server
            case 400...499: self = .invalidResponse
            default: return nil
            }
        }
    }

    /// What went wrong.
    public var kind: Kind
    /// The HTTP status, when the server answered.
    public var statusCode: Int?
    /// The spec operation that failed (`"getPacket"`), when known.
    public var operationID: String?
    /// The decoded server answer, when the server answered.
    public var body: APIErrorBody?
    /// Seconds to wait before retrying, from the `Retry-After` header (429, some 503s).
    public var retryAfter: TimeInterval?
    /// The server's `X-Request-ID`, for support requests and log correlation.
    public var requestID: String?
    /// A short explanation for answers without a readable server detail (transport failures,
    /// undecodable bodies); already free of secrets.
    public var reason: String?

    /// An error of `kind`; prefer the specific initialisers below.
    public init(kind: Kind, statusCode: Int? = nil, operationID: String? = nil, body: APIErrorBody? = nil,
                retryAfter: TimeInterval? = nil, requestID: String? = nil, reason: String? = nil) {
        self.kind = kind
        self.statusCode = statusCode
        self.operationID = operationID
        self.body = body
        self.retryAfter = retryAfter
        self.requestID = requestID
        self.reason = reason.map(SecretRedaction.redact)
    }

    /// The error for an error `response` of `operationID` whose body decoded as `body`
    /// (the generated client throws these).
    public init(operationID: String?, response: TransportResponse, body: APIErrorBody, reason: String? = nil) {
        self.init(
            kind: Kind(statusCode: response.statusCode) ?? .invalidResponse,
            statusCode: response.statusCode,
            operationID: operationID,
            body: body,
            retryAfter: response.retryAfter,
            requestID: response.headers["x-request-id"],
            reason: reason)
    }

    /// A validation error with every issue, as the server's 422 would carry it — thrown by
    /// client-side validation (the packet builder) so callers handle one shape.
    ///
    /// ```swift
    /// let issues = PacketCreate.validate(json)
    /// if !issues.isEmpty { throw HandoffRailError.validation(issues, operationID: "createPacket") }
    /// ```
    public static func validation(_ issues: [ValidationIssue], operationID: String? = nil) -> HandoffRailError {
        let detail = issues.map { issue in
            ValidationError(type: issue.type, loc: issue.loc.map(ValidationError.LocItem.init), msg: issue.msg, input: issue.input, ctx: issue.ctx)
        }
        return HandoffRailError(kind: .validation, statusCode: nil, operationID: operationID, body: .httpValidationError(HTTPValidationError(detail: detail)))
    }

    /// A transport failure of `operationID`: `.timeout` for timeouts, `.connection` otherwise.
    public static func transport(_ error: any Error, operationID: String?) -> HandoffRailError {
        if let error = error as? HandoffRailError { return error }
        let kind: Kind = TransportFailure.isTimeout(error) ? .timeout : .connection
        return HandoffRailError(kind: kind, operationID: operationID, reason: TransportFailure.summary(error))
    }
}

extension ValidationError.LocItem {
    /// The generated `loc` item for a validator path component.
    init(_ component: JSONPathComponent) {
        switch component {
        case .key(let key): self = .string(key)
        case .index(let index): self = .integer(index)
        }
    }
}
