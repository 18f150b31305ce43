/// An error that knows its HTTP answer in the protocol's shape (`{"detail": "..."}`).
///
/// The service throws these for outcomes that are not typed outputs (for example an
/// operation not available in this build); the server maps them without knowing the service.
public protocol APIErrorConvertible: Error, Sendable {
    /// The HTTP status to answer with.
    var statusCode: Int { get }
    /// The human-readable `detail`.
    var detail: String { get }
}
