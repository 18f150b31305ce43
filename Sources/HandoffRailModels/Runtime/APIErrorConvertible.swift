/// An error that knows its HTTP answer in the protocol's shape (`{"detail": "...", "code"?,
/// "field"?}`).
///
/// The service throws these for outcomes that are not typed outputs (a missing packet, an
/// invalid transition, a quota); the server maps them without knowing the service.
public protocol APIErrorConvertible: Error, Sendable {
    /// The HTTP status to answer with.
    var statusCode: Int { get }
    /// The human-readable `detail`.
    var detail: String { get }
    /// A stable machine-readable code (`"invalid_transition"` …), when there is one.
    var code: String? { get }
    /// The request field the error is about, when there is one.
    var field: String? { get }
    /// Seconds after which a retry can succeed (`Retry-After`), for 429/503 answers.
    var retryAfterSeconds: Int? { get }
}

extension APIErrorConvertible {
    public var code: String? { nil }
    public var field: String? { nil }
    public var retryAfterSeconds: Int? { nil }
}
