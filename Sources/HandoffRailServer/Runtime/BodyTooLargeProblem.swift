import HandoffRailModels
import Hummingbird

/// A 413 for a body over the tier's packet size:
/// `{"detail": "Request body exceeds the free tier limit of 65536 bytes", "tier": "free"}`.
public struct BodyTooLargeProblem: Error, HTTPResponseError, Sendable {
    /// The limit that was exceeded.
    public var limit: BodyLimit

    /// A 413 for `limit`.
    public init(limit: BodyLimit) { self.limit = limit }

    /// Always 413.
    public var status: HTTPResponse.Status { .contentTooLarge }

    /// The protocol's 413 body.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        ResponseWriter.orderedJSON(
            [
                ("detail", "Request body exceeds the \(limit.tier.rawValue) tier limit of \(limit.bytes) bytes"),
                ("tier", limit.tier.rawValue),
            ],
            status: 413)
    }
}
