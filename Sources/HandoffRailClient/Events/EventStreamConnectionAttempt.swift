import Foundation
import HandoffRailModels
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One connection of an event stream, from request to the end of the body.
struct EventStreamConnectionAttempt: Sendable {
    /// How a connection ended.
    enum End: Sendable {
        /// The consumer went away.
        case cancelled
        /// The server refused in a way retrying cannot fix.
        case fatal(HandoffRailError)
        /// The connection broke or the server ended it; reconnecting may help.
        case retryable(HandoffRailError)
    }

    /// What the next connection needs to know.
    struct Outcome: Sendable {
        var end: End
        var lastEventID: String?
        var serverRetry: Duration?
        var receivedFrames: Bool
    }

    var request: EventStreamRequest

    /// An error body is kept up to this size for the error; the rest is dropped.
    static let errorBodyLimit = 64 * 1024

    func run(_ emit: (EventStreamMessage) -> Void) async -> Outcome {
        var parser = ServerSentEventParser(lastEventID: request.lastEventID)
        var receivedFrames = false
        var head: (statusCode: Int, headers: [String: String])?
        var errorBody = Data()
        var closingReason: String?
        func outcome(_ end: End) -> Outcome {
            Outcome(end: end, lastEventID: parser.lastEventID, serverRetry: parser.reconnectionDelay, receivedFrames: receivedFrames)
        }
        let urlRequest: URLRequest
        do {
            urlRequest = try request.urlRequest()
        } catch {
            return outcome(.fatal(HandoffRailError.transport(error, operationID: EventStreamRequest.operationID)))
        }
        do {
            for try await part in StreamingHTTPConnection.open(urlRequest) {
                switch part {
                case .head(let statusCode, let headers):
                    head = (statusCode, headers)
                    if statusCode == 200, let refusal = Self.refusal(contentType: headers["content-type"]) {
                        return outcome(.fatal(refusal))
                    }
                case .body(let chunk) where head?.statusCode == 200:
                    for frame in parser.parse(chunk) {
                        receivedFrames = true
                        switch DecodedEventFrame(frame) {
                        case .message(let message):
                            emit(message)
                        case .connected(let subscriptions, let missedAfter):
                            emit(.connected(subscriptions: subscriptions))
                            if let missedAfter { emit(.missedEvents(after: missedAfter)) }
                        case .serverClosing(let reason): closingReason = reason ?? "no reason given"
                        }
                    }
                case .body(let chunk):
                    errorBody.append(chunk.prefix(max(0, Self.errorBodyLimit - errorBody.count)))
                }
            }
        } catch {
            if Task.isCancelled { return outcome(.cancelled) }
            return outcome(.retryable(HandoffRailError.transport(error, operationID: EventStreamRequest.operationID)))
        }
        if Task.isCancelled { return outcome(.cancelled) }
        guard let head, head.statusCode == 200 else {
            return outcome(Self.end(statusCode: head?.statusCode ?? 0, headers: head?.headers ?? [:], body: errorBody))
        }
        let reason = closingReason.map { "the server closed the stream: \($0)" } ?? "the server ended the stream"
        return outcome(.retryable(HandoffRailError(kind: .connection, operationID: EventStreamRequest.operationID, reason: reason)))
    }

    /// A 200 that is not an event stream (a proxy's login page, a wrong path answered by an
    /// HTML app) is not worth reconnecting to, as the EventSource standard also says.
    static func refusal(contentType: String?) -> HandoffRailError? {
        guard let contentType, !contentType.lowercased().hasPrefix("text/event-stream") else { return nil }
        return HandoffRailError(
            kind: .invalidResponse, statusCode: 200, operationID: EventStreamRequest.operationID,
            reason: "the server answered with \(contentType), not text/event-stream")
    }

    /// How an error status ends the connection: client errors are final (401, 403, 404, …)
    /// except 408 and 429; server errors and rate limits are retried.
    static func end(statusCode: Int, headers: [String: String], body: Data) -> End {
        let response = TransportResponse(statusCode: statusCode, headers: headers, body: body, operationID: EventStreamRequest.operationID)
        let error = HandoffRailError(operationID: EventStreamRequest.operationID, response: response, body: APIErrorBody(decoding: body, statusCode: statusCode))
        switch statusCode {
        case 408, 429, 500...: return .retryable(error)
        default: return .fatal(error)
        }
    }
}
