import Hummingbird

/// Adds `Access-Control-Expose-Headers` to actual (non-preflight) cross-origin responses.
///
/// Hummingbird's `CORSMiddleware` sends the exposed headers on the `OPTIONS` preflight only,
/// but browsers read them from the actual response: without this, a web client could not read
/// `X-RateLimit-*`, `Retry-After` or `X-Request-ID`.
struct CORSExposeHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let exposedHeaders: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if request.method != .options, request.headers.contains(.origin) {
            response.headers[.accessControlExposeHeaders] = exposedHeaders
        }
        return response
    }
}
