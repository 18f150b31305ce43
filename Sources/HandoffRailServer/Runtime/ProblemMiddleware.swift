import HandoffRailModels
import Hummingbird
import Logging

/// Turns every error into a response in the protocol's error shape, so every error answer
/// is JSON with a `detail` and the middleware outside it (logging, metrics, CORS) sees a
/// response with its final status instead of an error.
///
/// - `APIErrorConvertible` (service errors) → `{"detail", "code", "field"}`;
/// - our own `HTTPResponseError`s (``APIProblem``, ``RequestValidationFailure``,
///   ``BodyTooLargeProblem``) answer for themselves;
/// - a body read past `context.maxUploadSize` → the tier's 413 (``BodyTooLargeProblem``);
/// - Hummingbird's `HTTPError` (404 for an unknown route …) → `{"detail": "<message or reason>"}`;
/// - anything else → 500 `{"detail": "Internal Server Error"}`, logged, never described to the client.
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The middleware.
    public init() {}

    /// Runs the rest of the chain and answers its failures.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return try Self.response(for: error, request: request, context: context)
        }
    }

    /// The protocol-shaped response for `error`.
    public static func response(for error: any Error, request: Request, context: Context) throws -> Response {
        switch error {
        case let error as any APIErrorConvertible:
            var response = try APIProblem(status: ResponseWriter.status(error.statusCode), detail: error.detail, code: error.code, field: error.field)
                .response(from: request, context: context)
            if let retryAfter = error.retryAfterSeconds {
                response.headers[.retryAfter] = String(max(1, retryAfter))
            }
            return response
        case let error as APIProblem:
            return try error.response(from: request, context: context)
        case let error as RequestValidationFailure:
            return try error.response(from: request, context: context)
        case let error as BodyTooLargeProblem:
            return try error.response(from: request, context: context)
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            // NIO's `NIOTooManyBytesError` from `collectBody(upTo: context.maxUploadSize)`.
            let limit = (context as? HandoffRailRequestContext)?.bodyLimit ?? BodyLimit(tier: .free, bytes: context.maxUploadSize)
            return try BodyTooLargeProblem(limit: limit).response(from: request, context: context)
        case let error as HTTPError:
            var response = try APIProblem(status: error.status, detail: error.body ?? error.status.reasonPhrase)
                .response(from: request, context: context)
            response.headers.append(contentsOf: error.headers)
            return response
        case let error as any HTTPResponseError:
            // Another library's error that knows its status: keep the status, use our shape.
            return try APIProblem(status: error.status, detail: error.status.reasonPhrase).response(from: request, context: context)
        default:
            context.logger.error("Unhandled error", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
            return try APIProblem(status: .internalServerError, detail: "Internal Server Error").response(from: request, context: context)
        }
    }
}
