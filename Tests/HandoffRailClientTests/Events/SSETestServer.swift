import Foundation
import Hummingbird
import Logging

/// What the test server does with one `GET /events` connection, in arrival order.
enum SSEConnectionScript: Sendable {
    /// Answers with `status` and a whole `body` (for refusals and errors).
    case respond(status: Int, contentType: String = "application/json", retryAfter: Int? = nil, body: String)
    /// Streams `chunks` (one write each, a short pause between), then the chunks `later`
    /// returns (it may wait for something the test does), then ends as `end` says.
    case stream([String], later: (@Sendable () async -> [String])? = nil, end: SSEStreamEnd)
}

/// How a scripted stream ends.
enum SSEStreamEnd: Sendable {
    /// The body ends cleanly (the server closes the stream).
    case finish
    /// The handler fails mid-body, so the connection is dropped without a proper end.
    case abort
    /// Writes nothing for `duration`, then ends cleanly (a connection gone silent).
    case stall(Duration)
    /// Keeps writing `: keep-alive` comments until a write fails because the client left
    /// (at most a minute).
    case holdOpen
}

/// What the server saw of one connection.
struct SSEServedRequest: Sendable {
    var lastEventID: String?
    var apiKeyHeader: String?
    var subscribe: [String]
    var apiKeyQuery: String?
    var accept: String?
}

/// Everything the server saw, for assertions.
actor SSEServerLog {
    private(set) var requests: [SSEServedRequest] = []
    private(set) var closedConnections: [Int] = []
    /// Connections whose event stream body started (the response head was sent).
    private(set) var openedStreams: [Int] = []

    /// Records a request and returns its index (0-based).
    func record(_ request: SSEServedRequest) -> Int {
        requests.append(request)
        return requests.count - 1
    }

    /// Records that connection `index` started streaming its body.
    func recordStreamOpened(_ index: Int) {
        openedStreams.append(index)
    }

    /// Records that the client of connection `index` went away.
    func recordClosed(_ index: Int) {
        closedConnections.append(index)
    }

    /// Returns once the server noticed connection `index` closed (fails after 30 s).
    nonisolated func waitUntilClosed(_ index: Int) async throws {
        _ = try await EventTestSupport.eventually("the server to see connection \(index) closed") {
            await self.closedConnections.contains(index) ? true : nil
        }
    }
}

/// A small Hummingbird app on 127.0.0.1 (port 0) serving scripted `GET /events` streams,
/// and anything else a test adds to the router.
///
/// ```swift
/// try await SSETestServer.run(scripts: [.stream(["data: x\n\n"], end: .finish)]) { url, log in … }
/// ```
enum SSETestServer {
    static func run<Value: Sendable>(
        scripts: [SSEConnectionScript],
        configure: @Sendable (Router<BasicRequestContext>) -> Void = { _ in },
        _ body: @Sendable (URL, SSEServerLog) async throws -> Value
    ) async throws -> Value {
        let log = SSEServerLog()
        let router = Router()
        router.get("/events") { request, _ -> Response in
            let served = SSEServedRequest(
                lastEventID: request.headers[.init("Last-Event-ID")!],
                apiKeyHeader: request.headers[.init("X-API-Key")!],
                subscribe: request.uri.queryParameters.getAll("subscribe"),
                apiKeyQuery: request.uri.queryParameters.get("api_key"),
                accept: request.headers[.accept])
            let index = await log.record(served)
            let script = index < scripts.count ? scripts[index] : .stream([], end: .holdOpen)
            return response(for: script, index: index, log: log)
        }
        configure(router)
        var logger = Logger(label: "sse-test-server")
        logger.logLevel = .critical
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        return try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask {
                try await app.run()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else { throw SSETestServerFailure("the server did not start") }
            let url = URL(string: "http://127.0.0.1:\(port)")!
            let value = try await body(url, log)
            group.cancelAll()
            return value
        }
    }

    private static func response(for script: SSEConnectionScript, index: Int, log: SSEServerLog) -> Response {
        switch script {
        case .respond(let status, let contentType, let retryAfter, let body):
            var headers: HTTPFields = [.contentType: contentType]
            if let retryAfter { headers[.retryAfter] = String(retryAfter) }
            return Response(
                status: HTTPResponse.Status(code: status),
                headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        case .stream(let chunks, let later, let end):
            let body = ResponseBody { writer in
                await log.recordStreamOpened(index)
                do {
                    // A write fails once the client left, in any phase: all are recorded.
                    for chunk in chunks {
                        try await writer.write(ByteBuffer(string: chunk))
                        try await Task.sleep(for: .milliseconds(10))
                    }
                    for chunk in await later?() ?? [] {
                        try await writer.write(ByteBuffer(string: chunk))
                    }
                    switch end {
                    case .finish:
                        try await writer.finish(nil)
                    case .stall(let duration):
                        try await Task.sleep(for: duration)
                        try await writer.finish(nil)
                    case .abort:
                        break  // thrown below, so it is not mistaken for the client leaving
                    case .holdOpen:
                        // Bounded, so a client that never leaves cannot hang the suite.
                        for _ in 0..<1_200 {
                            try await Task.sleep(for: .milliseconds(50))
                            try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                        }
                        try await writer.finish(nil)
                    }
                } catch {
                    await log.recordClosed(index)
                    throw error
                }
                if case .abort = end { throw SSETestServerFailure("connection dropped on purpose") }
            }
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
        }
    }
}

struct SSETestServerFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
