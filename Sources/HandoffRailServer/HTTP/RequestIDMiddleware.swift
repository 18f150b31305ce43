import Hummingbird
import Logging

/// Gives every request an id and one log line.
///
/// The id is the client's `X-Request-ID` when it is a short token (letters, digits, `-`,
/// `_`, `.`, `:`; at most 128 characters), so a caller can correlate its own logs; anything
/// else is replaced by a generated id. The id is echoed on the response and set as
/// `request_id` on `context.logger`, so every log line of the request carries it.
///
/// The line is written when the answer is known: method, path (never the query string, which
/// may carry `api_key`), status and duration. Server errors log at `error`; everything else
/// at `requestLogLevel` (`info` by default; a busy server can lower it to `debug`).
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    let requestLogLevel: Logger.Level

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        // Hummingbird's own per-request id is the generated one; both keys then carry the
        // same id (`context.id` reads `hb.request.id` and must stay set).
        let generated = context.logger[metadataKey: "hb.request.id"]
        let requestID = Self.sanitised(request.headers[.requestID]) ?? generated?.description ?? RequestID().description
        context.logger[metadataKey: "request_id"] = .string(requestID)
        if generated?.description != requestID { context.logger[metadataKey: "hb.request.id"] = .string(requestID) }
        let start = ContinuousClock.now
        do {
            var response = try await next(request, context)
            response.headers[.requestID] = requestID
            log(request, status: Int(response.status.code), since: start, logger: context.logger)
            return response
        } catch {
            // Errors are answered inside; one escaping here still gets its id and line.
            log(request, status: 500, since: start, logger: context.logger)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant, logger: Logger) {
        let level = status >= 500 ? Logger.Level.error : requestLogLevel
        logger.log(
            level: level, "request",
            metadata: [
                "method": .string(request.method.rawValue),
                "path": .string(request.uri.path),
                "status": .stringConvertible(status),
                "duration_ms": .stringConvertible(Self.milliseconds(since: start)),
            ])
    }

    /// Elapsed time in milliseconds, to the microsecond.
    private static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        return Double(micros) / 1_000
    }

    /// `candidate` when it is a safe, bounded token; `nil` otherwise.
    static func sanitised(_ candidate: String?) -> String? {
        guard let candidate, !candidate.isEmpty, candidate.utf8.count <= 128 else { return nil }
        for byte in candidate.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                UInt8(ascii: "."), UInt8(ascii: ":"):
                continue
            default:
                return nil
            }
        }
        return candidate
    }
}
