import Foundation
import HandoffRailModels
import Testing
@testable import HandoffRailClient

/// How an event stream starts and stops: cancellation closes the connection, key placement,
/// responses that are not event streams, clients that cannot stream.
@Suite("Event stream lifecycle")
struct EventStreamLifecycleTests {
    typealias Support = EventTestSupport
    static let key = "hr_lifecycle_test_key_0123456789"

    @Test("cancelling the consuming task closes the connection and ends the stream quietly")
    func cancellationClosesConnection() async throws {
        try await SSETestServer.run(scripts: [.stream([Support.connectedFrame()], end: .holdOpen)]) { url, log in
            let client = HandoffRailClient(baseURL: url, apiKey: Self.key)
            let (connected, signal) = AsyncStream.makeStream(of: Void.self)
            let consumer = Task {
                var count = 0
                for try await message in client.eventMessages(options: Support.fastOptions) {
                    count += 1
                    if case .connected = message { signal.yield() }
                }
                return count
            }
            try await Support.withTimeout("the connected frame") {
                for await _ in connected { return }
            }
            consumer.cancel()
            try await log.waitUntilClosed(0)
            let messages = try await consumer.value
            #expect(messages >= 1)
            #expect(await log.requests.count == 1)
        }
    }

    @Test("the key can travel as the api_key query parameter instead of the header")
    func keyAsQueryParameter() async throws {
        try await SSETestServer.run(scripts: [.stream([Support.connectedFrame()], end: .holdOpen)]) { url, log in
            let client = HandoffRailClient(baseURL: url, apiKey: Self.key)
            let options = Support.fastOptions.with { $0.keyPlacement = .queryParameter }
            try await Support.withTimeout("the connected frame") {
                for try await message in client.eventMessages(subscribe: [.packet(UUID())], options: options) {
                    if case .connected = message { break }
                }
            }
            let request = try #require(await log.requests.first)
            #expect(request.apiKeyQuery == Self.key)
            #expect(request.apiKeyHeader == nil)
            #expect(request.subscribe.count == 1)
        }
    }

    @Test("a 200 that is not an event stream ends the stream without retrying")
    func wrongContentTypeIsFinal() async throws {
        let scripts: [SSEConnectionScript] = [.respond(status: 200, contentType: "text/html", body: "<html>login</html>")]
        try await SSETestServer.run(scripts: scripts) { url, log in
            let client = HandoffRailClient(baseURL: url, apiKey: Self.key)
            let error = await #expect(throws: HandoffRailError.self) {
                try await Support.withTimeout("the refusal") {
                    for try await _ in client.events(options: Support.fastOptions) {}
                }
            }
            #expect(error?.kind == .invalidResponse)
            #expect(await log.requests.count == 1)
        }
    }

    @Test("an unreachable server is retried, then reported as a connection error without the key")
    func unreachableServer() async throws {
        // Port 1 on loopback: nothing listens there, the connection is refused at once. The key
        // travels in the URL here, which transport errors quote.
        let client = HandoffRailClient(baseURL: URL(string: "http://127.0.0.1:1")!, apiKey: Self.key)
        let options = Support.fastOptions.with {
            $0.maxReconnectAttempts = 1
            $0.keyPlacement = .queryParameter
        }
        let outcome = try await Support.withTimeout("the stream to give up") { () -> (reconnects: Int, error: (any Error)?) in
            var reconnects = 0
            do {
                for try await message in client.eventMessages(options: options) {
                    if case .reconnecting = message { reconnects += 1 }
                }
                return (reconnects, nil)
            } catch {
                return (reconnects, error)
            }
        }
        let error = try #require(outcome.error as? HandoffRailError)
        #expect(error.kind == .connection)
        #expect(outcome.reconnects == 1)
        #expect(!String(describing: error).contains(Self.key))
        #expect(!(error.reason ?? "").contains(Self.key))
    }

    @Test("a client without a base URL cannot stream and says so")
    func inProcessClientCannotStream() async throws {
        let client = HandoffRailClient(transport: UnreachableTransport(), apiKey: Self.key)
        let error = await #expect(throws: HandoffRailError.self) {
            for try await _ in client.events() {}
        }
        #expect(error?.kind == .connection)
        #expect(error?.reason?.contains("base URL") == true)
    }
}

/// A transport for clients that must never send anything.
private struct UnreachableTransport: HandoffRailTransport {
    func send(_ request: TransportRequest) async throws -> TransportResponse {
        throw HandoffRailError(kind: .connection, reason: "this test transport sends nothing")
    }
}
