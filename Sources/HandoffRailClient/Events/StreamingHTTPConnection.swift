import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One part of a streamed HTTP response, in arrival order.
enum StreamingHTTPPart: Sendable {
    /// The status line and headers (header names lowercased).
    case head(statusCode: Int, headers: [String: String])
    /// The next chunk of the body, as the network delivered it.
    case body(Data)
}

/// A single HTTP request whose response body is delivered chunk by chunk as it arrives.
///
/// Why a delegate: swift-corelibs-foundation (Linux) has no `URLSession.bytes(for:)`, and
/// `data(for:)` returns only when the body ends — never, for an event stream. A
/// `URLSessionDataDelegate` receives `didReceive data` for each chunk on both Linux and
/// Apple platforms. Each connection gets its own `URLSession` (a session's delegate is
/// fixed at creation), invalidated when the stream ends so the session releases the
/// delegate.
///
/// The request's `timeoutInterval` acts as an idle timeout: FoundationNetworking and
/// Apple's URLSession both fail the task when no byte arrives for that long.
///
/// Ending the returned stream — by the consumer's task being cancelled, or by dropping the
/// iterator — cancels the network task, which closes the connection.
///
/// ```swift
/// for try await part in StreamingHTTPConnection.open(request) {
///     if case .body(let chunk) = part { parser.parse(chunk) }
/// }
/// ```
enum StreamingHTTPConnection {
    /// Starts `request` and streams its response; the stream throws the transport error
    /// (`URLError`) when the connection fails and finishes when the server ends the body.
    static func open(_ request: URLRequest) -> AsyncThrowingStream<StreamingHTTPPart, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: StreamingHTTPPart.self)
        let delegate = Delegate(continuation: continuation)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = request.timeoutInterval
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        let task = session.dataTask(with: request)
        let handle = SessionHandle(session: session, task: task)
        continuation.onTermination = { _ in handle.close() }
        task.resume()
        return stream
    }

    /// Holds the session and task so `onTermination` (a `@Sendable` closure) can close them.
    private final class SessionHandle: @unchecked Sendable {
        // URLSession and its tasks are thread-safe; they are only read after init.
        private let session: URLSession
        private let task: URLSessionDataTask

        init(session: URLSession, task: URLSessionDataTask) {
            self.session = session
            self.task = task
        }

        func close() {
            task.cancel()
            session.invalidateAndCancel()
        }
    }

    /// Forwards the session's callbacks into the stream.
    private final class Delegate: NSObject, URLSessionDataDelegate, Sendable {
        private let continuation: AsyncThrowingStream<StreamingHTTPPart, any Error>.Continuation

        init(continuation: AsyncThrowingStream<StreamingHTTPPart, any Error>.Continuation) {
            self.continuation = continuation
        }

        func urlSession(
            _ session: URLSession,
            dataTask: URLSessionDataTask,
            didReceive response: URLResponse,
            completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
        ) {
            let http = response as? HTTPURLResponse
            var headers: [String: String] = [:]
            for (name, value) in http?.allHeaderFields ?? [:] {
                if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
            }
            continuation.yield(.head(statusCode: http?.statusCode ?? 0, headers: headers))
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            continuation.yield(.body(data))
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
            if let error {
                continuation.finish(throwing: error)
            } else {
                continuation.finish()
            }
        }
    }
}
