import AsyncHTTPClient
import Foundation
import HandoffRailModels
import HandoffRailServer
import HandoffRailService
import Testing

@Suite("Live-event endpoints: authentication, refusals, limits")
struct EventAccessTests {
    @Test("no key or an unknown key is 401; a reader key may listen")
    func authentication() async throws {
        try await EventsLiveServer.run { server in
            let anonymous = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/events"), timeout: .seconds(60))
            #expect(anonymous.status.code == 401)
            try await server.withEventStream(key: "hr_unknown", readBody: false) { _, response in
                #expect(response.status.code == 401)
            }
            let reader = try await server.live.makeKey(role: "reader")
            try await server.withEventStream(key: reader) { inbox, response in
                let first = try await inbox.next()
                #expect(response.status.code == 200)
                #expect(first?.event == "connected")
            }
        }
    }

    @Test("an invalid channel is FastAPI's 422 naming the query parameter")
    func invalidChannel() async throws {
        try await EventsLiveServer.run { server in
            let response = try await server.live.request(.get, "/events?api_key=\(LiveServer.adminKey)&subscribe=status:created&subscribe=colour:blue", key: nil)
            #expect(response.status == 422)
            let issue = try #require(response.json?["detail"]?[0])
            #expect(issue["loc"] == ["query", "subscribe", 1])
            #expect(issue["input"] == "colour:blue")
        }
    }

    @Test("over the tier's connection limit is 429; /stats counts the open stream; a slot frees on disconnect")
    func connectionLimit() async throws {
        var limits = LiveServer.relaxedLimits
        limits[.business]?.maxEventConnections = 1
        // A vanished SSE client is noticed at the next write: heartbeats make that prompt.
        var configuration = EventStreamConfiguration()
        configuration.heartbeatInterval = .milliseconds(100)
        try await EventsLiveServer.run(configuration: configuration, tierLimits: limits) { server in
            try await server.withEventStream { inbox, _ in
                #expect(try await inbox.nextNonPing()?.event == "connected")
                #expect(server.events.connections.count(tenantID: "default") == 1)
                let stats = try await server.call(.get, "/api/v1/stats", expect: 200)
                #expect(stats["active_ws_connections"] == 1)

                try await server.withEventStream(readBody: false) { _, second in
                    #expect(second.status.code == 429)
                    let body = try await second.body.collect(upTo: 64 * 1024)
                    let json = try JSONValue(parsing: Data(body.readableBytesView))
                    #expect(json["code"] == "event_connection_limit")
                }
            }
            // The first stream is gone: its slot is free again.
            try await waitUntil { server.events.connections.count(tenantID: "default") == 0 }
            try await server.withEventStream { inbox, response in
                let first = try await inbox.nextNonPing()
                #expect(response.status.code == 200)
                #expect(first?.event == "connected")
            }
        }
    }

    @Test("a plain GET /ws (no upgrade) is 426; without a key it is 401")
    func webSocketWithoutUpgrade() async throws {
        try await EventsLiveServer.run { server in
            let plain = try await server.live.request(.get, "/ws?api_key=\(LiveServer.adminKey)", key: nil)
            #expect(plain.status == 426)
            let anonymous = try await server.live.request(.get, "/api/v1/ws", key: nil)
            #expect(anonymous.status == 401)
        }
    }

    /// Polls `condition` (the server releases a slot when it notices the closed socket).
    private func waitUntil(timeout: Duration = .seconds(20), _ condition: @Sendable () -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            guard ContinuousClock.now < deadline else { throw SSEInbox.TimedOut(description: "condition not met within \(timeout)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
