import HandoffRailModels
import HandoffRailServer
import HTTPTypes
import Hummingbird
import Logging
import NIOEmbedded
import Synchronization
import Testing

/// A body without `Content-Length` (chunked) cannot be refused up front: reading it stops at
/// the tier's size and answers the same 413. The in-process test client always sets
/// `Content-Length`, so the request is built by hand and handed to the router's responder.
@Suite("Chunked body limit")
struct ChunkedBodyLimitTests {
    @Test(
        "a chunked body over the tier's size stops at the limit with the tier's 413",
        arguments: [("hr_writer", 5, "free", 65_536), ("hr_business", 70, "business", 1_048_576)])
    func chunkedTooLarge(key: String, chunkCount: Int, tier: String, limit: Int) async throws {
        let router = HandoffRailApplication.makeRouter(
            api: RecordingAPI(), authenticator: TableAuthenticator.standard,
            configuration: HandoffRailServerConfiguration(), rateLimiter: SlidingWindowRateLimiter())
        let responder = router.buildResponder()
        let chunk = ByteBuffer(repeating: UInt8(ascii: " "), count: 16 * 1024)
        let chunks = AsyncStream<ByteBuffer> { continuation in
            for _ in 0..<chunkCount { continuation.yield(chunk) }  // 16 KiB more than the tier allows
            continuation.finish()
        }
        let request = Request(
            head: HTTPRequest(
                method: .post, scheme: "http", authority: "localhost", path: "/api/v1/packets",
                headerFields: [HTTPField.Name("X-API-Key")!: key, .transferEncoding: "chunked"]),
            body: RequestBody(asyncSequence: chunks))
        let context = HandoffRailRequestContext(
            source: .init(channel: NIOAsyncTestingChannel(), logger: Logger(label: "test")))
        let response = try await responder.respond(to: request, context: context)
        #expect(response.status == .contentTooLarge)
        let collected = CollectedBody()
        try await response.body.write(CollectingWriter(collected: collected))
        #expect(collected.text == #"{"detail":"Request body exceeds the \#(tier) tier limit of \#(limit) bytes","tier":"\#(tier)"}"#)
        #expect(response.headers[HTTPField.Name("X-RateLimit-Tier")!] == tier)
    }
}

/// A response body, collected in memory.
final class CollectedBody: Sendable {
    private let buffer = Mutex(ByteBuffer())

    var text: String { buffer.withLock { String(buffer: $0) } }

    func append(_ part: ByteBuffer) {
        buffer.withLock { whole in
            var part = part
            whole.writeBuffer(&part)
        }
    }
}

/// Writes a response body into a ``CollectedBody``.
struct CollectingWriter: ResponseBodyWriter {
    let collected: CollectedBody

    mutating func write(_ buffer: ByteBuffer) async throws {
        collected.append(buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
