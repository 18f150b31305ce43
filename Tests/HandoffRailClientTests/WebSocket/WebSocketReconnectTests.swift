import Foundation
import HandoffRailClientWebSocket
import HandoffRailModels
import Testing

/// Reconnects, resubscription and refused upgrades, against ``ScriptedWebSocketServer``.
@Suite("WebSocket session reconnects")
struct WebSocketReconnectTests {
    @Test("a dropped connection is re-established with the current channels; the command in flight is answered on the new one")
    func reconnectsAndResubscribes() async throws {
        try await ScriptedWebSocketServer.run(.serve(dropOnSecondPing: true)) { url, log in
            let client = HandoffRailClient(baseURL: url, apiKey: "hr_scripted_0123456789abcdef")
            let subscriber = try await WebSocketSubscriber.start(client, subscribe: [.agent("billing-01")])
            try await subscriber.session.subscribe(.status(.created))
            // The server drops the connection instead of answering; the ping is sent again
            // after the reconnect and answered there.
            try await subscriber.session.ping()
            try await subscriber.waitUntilConnected(times: 2)

            let messages = await subscriber.messages
            let lifecycle = messages.filter { if case .event = $0 { false } else { true } }
            try #require(lifecycle.count == 3)
            #expect(lifecycle[0] == .connected(subscriptions: [.agent("billing-01")]))
            guard case .reconnecting(let attempt, _, let cause) = lifecycle[1] else {
                Issue.record("expected .reconnecting, got \(lifecycle[1])")
                return
            }
            #expect(attempt == 1)
            #expect(cause.kind == .connection)
            #expect(lifecycle[2] == .connected(subscriptions: [.agent("billing-01"), .status(.created)]))

            let sent = await log.messages
            #expect(sent.count == 2)
            #expect(sent.first == [Self.subscribe("agent:billing-01"), Self.ping, Self.subscribe("status:created"), Self.ping])
            #expect(sent.last == [Self.subscribe("agent:billing-01"), Self.subscribe("status:created"), Self.ping, Self.ping])
            #expect(await log.upgradeKeys == ["hr_scripted_0123456789abcdef", "hr_scripted_0123456789abcdef"])

            // Events sent before a connection's synchronisation are dropped; later ones arrive.
            let events = try await subscriber.events(through: { _ in true })
            #expect(events.map(\.packetID) == [ScriptedWebSocketServer.livePacketID])
            let all = messages.compactMap { if case .event(let event) = $0 { event.packetID } else { nil } }
            #expect(!all.contains(ScriptedWebSocketServer.earlyPacketID))
            subscriber.stop()
        }
    }

    @Test("refused upgrades are diagnosed, retried, and end the session after maxReconnectAttempts")
    func refusedUpgradesGiveUp() async throws {
        try await ScriptedWebSocketServer.run(.refuse(plainStatus: 503)) { url, log in
            var options = WebSocketTestSupport.fastOptions
            options.maxReconnectAttempts = 2
            let client = HandoffRailClient(baseURL: url, apiKey: "hr_scripted_0123456789abcdef", configuration: .init(maxRetries: 0))
            let session = client.webSocketEventMessages(options: options)
            var reconnects: [Int] = []
            let error = await #expect(throws: HandoffRailError.self) {
                for try await message in session {
                    if case .reconnecting(let attempt, _, _) = message { reconnects.append(attempt) }
                }
            }
            #expect(error?.kind == .server)
            #expect(error?.statusCode == 503)
            #expect(reconnects == [1, 2])
            #expect(await log.upgradeKeys.count == 3)
        }
    }

    @Test("a command gets .timeout when no connection comes up within the reply timeout")
    func commandTimesOut() async throws {
        try await ScriptedWebSocketServer.run(.refuse(plainStatus: 503)) { url, log in
            var options = WebSocketTestSupport.fastOptions
            options.replyTimeout = .milliseconds(300)
            let client = HandoffRailClient(baseURL: url, apiKey: "hr_scripted_0123456789abcdef", configuration: .init(maxRetries: 0))
            let session = client.webSocketEvents(options: options)
            let error = await #expect(throws: HandoffRailError.self) { try await session.subscribe(.status(.created)) }
            #expect(error?.kind == .timeout)
            #expect(await session.channels.isEmpty)
            session.close()
        }
    }

    static func subscribe(_ channel: String) -> JSONValue { ["action": "subscribe", "channel": .string(channel)] }
    static let ping: JSONValue = ["action": "ping"]
}
