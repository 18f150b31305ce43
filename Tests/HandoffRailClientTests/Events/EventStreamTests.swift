import Foundation
import HandoffRailModels
import Testing
@testable import HandoffRailClient

/// `client.events` / `client.eventMessages` against a scripted SSE server over real sockets.
@Suite("Event stream over SSE")
struct EventStreamTests {
    typealias Support = EventTestSupport
    static let key = "hr_events_test_key_0123456789"

    @Test("events arrive typed, and each reconnect resumes from the last event id")
    func resumesFromLastEventID() async throws {
        let packetID = UUID()
        let second = Support.eventFrame(id: 2, type: .packetClaimed, packetID: packetID, status: "claimed")
        let splitAt = second.index(second.startIndex, offsetBy: 25)
        let scripts: [SSEConnectionScript] = [
            .stream([
                "retry: 30\n", ": comment\n\n", Support.connectedFrame(["status:created", "agent:billing-01"]),
                Support.eventFrame(id: 1, type: .packetCreated, packetID: packetID),
                String(second[..<splitAt]), String(second[splitAt...]),
            ], end: .finish),
            .stream([Support.connectedFrame(), Support.eventFrame(id: 3, type: .packetInProgress, packetID: packetID)], end: .abort),
            .stream([Support.connectedFrame(), Support.eventFrame(id: 4, type: .packetCompleted, packetID: packetID)], end: .holdOpen),
        ]
        try await SSETestServer.run(scripts: scripts) { url, log in
            let client = HandoffRailClient(baseURL: url, apiKey: Self.key)
            let received = try await Support.withTimeout("four events") {
                var received: [HandoffRailEvent] = []
                for try await event in client.events(subscribe: [.status(.created), .agent("billing-01")], options: Support.fastOptions) {
                    received.append(event)
                    if received.count == 4 { break }
                }
                return received
            }
            #expect(received.map(\.id) == ["1", "2", "3", "4"])
            #expect(received.map(\.type) == [.packetCreated, .packetClaimed, .packetInProgress, .packetCompleted])
            #expect(received.allSatisfy { $0.packetID == packetID })
            #expect(received[1].status == .claimed)

            let requests = await log.requests
            #expect(requests.map(\.lastEventID) == [nil, "2", "3"])
            for request in requests {
                #expect(request.subscribe == ["status:created", "agent:billing-01"])
                #expect(request.apiKeyHeader == Self.key)
                #expect(request.apiKeyQuery == nil)
                #expect(request.accept == "text/event-stream")
            }
            // Leaving the loop closed the last connection.
            try await log.waitUntilClosed(2)
        }
    }

    @Test("refusals end the stream at once with the matching error", arguments: [
        (401, HandoffRailError.Kind.authentication),
        (403, .permission),
        (404, .notFound),
    ])
    func refusalsAreFinal(status: Int, kind: HandoffRailError.Kind) async throws {
        let scripts: [SSEConnectionScript] = [.respond(status: status, body: #"{"detail":"Invalid API key"}"#)]
        try await SSETestServer.run(scripts: scripts) { url, log in
            let client = HandoffRailClient(baseURL: url, apiKey: Self.key)
            let error = await #expect(throws: HandoffRailError.self) {
                try await Support.withTimeout("the refusal") {
                    for try await _ in client.events(options: Support.fastOptions) {}
                }
            }
            #expect(error?.kind == kind)
            #expect(error?.statusCode == status)
            #expect(error?.detail == "Invalid API key")
            #expect(error?.operationID == "streamEvents")
            #expect(error.map { !String(describing: $0).contains(Self.key) } == true)
            #expect(await log.requests.count == 1)
        }
    }

    @Test("server errors are retried with backoff, reported as reconnecting")
    func serverErrorsAreRetried() async throws {
        let packetID = UUID()
        let scripts: [SSEConnectionScript] = [
            .respond(status: 503, body: #"{"detail":"starting"}"#),
            .respond(status: 500, contentType: "text/plain", body: "oops"),
            .stream([Support.connectedFrame(), Support.eventFrame(id: 9, type: .packetCreated, packetID: packetID)], end: .holdOpen),
        ]
        try await SSETestServer.run(scripts: scripts) { url, _ in
            let client = HandoffRailClient(baseURL: url, apiKey: Self.key)
            let messages = try await Support.withTimeout("an event after two failures") {
                var messages: [EventStreamMessage] = []
                for try await message in client.eventMessages(options: Support.fastOptions) {
                    messages.append(message)
                    if case .event = message { break }
                }
                return messages
            }
            let reconnects = messages.compactMap { message -> (Int, HandoffRailError)? in
                if case .reconnecting(let attempt, _, let cause) = message { return (attempt, cause) }
                return nil
            }
            #expect(reconnects.map(\.0) == [1, 2])
            #expect(reconnects.map(\.1.kind) == [.server, .server])
            #expect(reconnects.map(\.1.statusCode) == [503, 500])
            #expect(reconnects.first?.1.detail == "starting")
            #expect(messages.contains(.connected(subscriptions: [])))
        }
    }

    @Test("after maxReconnectAttempts failures in a row the stream ends with the last error")
    func givesUpAfterMaxAttempts() async throws {
        let scripts: [SSEConnectionScript] = Array(repeating: .respond(status: 503, body: #"{"detail":"down"}"#), count: 3)
        try await SSETestServer.run(scripts: scripts) { url, log in
            let client = HandoffRailClient(baseURL: url, apiKey: Self.key)
            let options = Support.fastOptions.with { $0.maxReconnectAttempts = 2 }
            let error = await #expect(throws: HandoffRailError.self) {
                try await Support.withTimeout("the stream to give up") {
                    for try await _ in client.events(options: options) {}
                }
            }
            #expect(error?.kind == .server)
            #expect(await log.requests.count == 3)
        }
    }

    @Test("429 waits at least Retry-After before reconnecting")
    func rateLimitHonoursRetryAfter() async throws {
        let scripts: [SSEConnectionScript] = [
            .respond(status: 429, retryAfter: 1, body: #"{"detail":"Rate limit exceeded"}"#),
            .stream([Support.connectedFrame()], end: .holdOpen),
        ]
        try await SSETestServer.run(scripts: scripts) { url, _ in
            let client = HandoffRailClient(baseURL: url, apiKey: Self.key)
            let reconnect = try await Support.withTimeout("the reconnect") { () -> EventStreamMessage? in
                for try await message in client.eventMessages(options: Support.fastOptions) {
                    if case .reconnecting = message { return message }
                }
                return nil
            }
            guard case .reconnecting(let attempt, let delay, let cause)? = reconnect else {
                Issue.record("no reconnect reported")
                return
            }
            #expect(attempt == 1)
            #expect(delay >= .seconds(1))
            #expect(cause.kind == .rateLimited)
            #expect(cause.retryAfter == 1)
        }
    }

    @Test("a server closing with an error frame is reconnected to, and its reason reported")
    func errorFrameReconnects() async throws {
        let packetID = UUID()
        let scripts: [SSEConnectionScript] = [
            .stream([Support.connectedFrame(), "event: error\ndata: {\"reason\":\"slow consumer\"}\n\n"], end: .finish),
            .stream([Support.connectedFrame(), Support.eventFrame(id: 5, type: .packetCreated, packetID: packetID)], end: .holdOpen),
        ]
        try await SSETestServer.run(scripts: scripts) { url, _ in
            let client = HandoffRailClient(baseURL: url, apiKey: Self.key)
            let messages = try await Support.withTimeout("the event after the error frame") {
                var messages: [EventStreamMessage] = []
                for try await message in client.eventMessages(options: Support.fastOptions) {
                    messages.append(message)
                    if case .event = message { break }
                }
                return messages
            }
            let causes = messages.compactMap { message -> HandoffRailError? in
                if case .reconnecting(_, _, let cause) = message { return cause }
                return nil
            }
            #expect(causes.count == 1)
            #expect(causes.first?.kind == .connection)
            #expect(causes.first?.reason?.contains("slow consumer") == true)
        }
    }

    @Test("an incomplete replay is reported right after connected")
    func incompleteReplayIsReported() async throws {
        let connected = #"event: connected\#ndata: {"type":"connected","subscriptions":[],"replay":{"after":"7","events":1000,"complete":false}}\#n\#n"#
        let scripts: [SSEConnectionScript] = [.stream([connected], end: .holdOpen)]
        try await SSETestServer.run(scripts: scripts) { url, log in
            let client = HandoffRailClient(baseURL: url, apiKey: Self.key)
            let options = Support.fastOptions.with { $0.lastEventID = "7" }
            let messages = try await Support.withTimeout("the missed-events report") {
                var messages: [EventStreamMessage] = []
                for try await message in client.eventMessages(options: options) {
                    messages.append(message)
                    if case .missedEvents = message { break }
                }
                return messages
            }
            #expect(messages == [.connected(subscriptions: []), .missedEvents(after: "7")])
            #expect(await log.requests.first?.lastEventID == "7")
        }
    }

    @Test("a connection silent past the idle timeout is replaced")
    func idleTimeoutReconnects() async throws {
        let scripts: [SSEConnectionScript] = [
            .stream([Support.connectedFrame()], end: .stall(.seconds(8))),
            .stream([Support.connectedFrame()], end: .holdOpen),
        ]
        try await SSETestServer.run(scripts: scripts) { url, _ in
            let client = HandoffRailClient(baseURL: url, apiKey: Self.key)
            let options = Support.fastOptions.with { $0.idleTimeout = 1 }
            let cause = try await Support.withTimeout("the idle reconnect", seconds: 15) { () -> HandoffRailError? in
                for try await message in client.eventMessages(options: options) {
                    if case .reconnecting(_, _, let cause) = message { return cause }
                }
                return nil
            }
            #expect(cause?.kind == .timeout)
        }
    }
}
