import HandoffRailModels
import Hummingbird

/// Answers `APIErrorConvertible` errors in the protocol's error shape, so every error
/// response is JSON with a `detail`.
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The middleware.
    public init() {}

    /// Runs the rest of the chain and converts `APIErrorConvertible` failures.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any APIErrorConvertible {
            throw APIProblem(status: ResponseWriter.status(error.statusCode), detail: error.detail, code: error.code, field: error.field)
        }
    }
}
