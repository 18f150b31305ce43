import Foundation
import HandoffRailClientWebSocket
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// The SDK's WebSocket event session against the real server (`HandoffRailApplication` with
/// live events, SQLite, real sockets on 127.0.0.1).
@Suite("WebSocket events end to end")
struct LiveWebSocketEventsTests {
    typealias Packets = LiveEventsEndToEndTests

    @Test("create, claim, in_progress and complete arrive in order after connected")
    func lifecycleArrives() async throws {
        try await LiveEventsServer.run { server in
            let client = server.client()
            let subscriber = try await WebSocketSubscriber.start(client, subscribe: [])
            let id = try await client.createPacket(Packets.packet(target: "billing-01")).id
            try await Packets.work(id, by: "billing-01", client)

            let events = try await subscriber.events(through: { $0.packetID == id && $0.type == .packetCompleted })
            #expect(events.filter { $0.packetID == id }.map(\.type) == [.packetCreated, .packetClaimed, .packetInProgress, .packetCompleted])
            #expect(events.last?.status == .completed)
            #expect(events.last?.data["target_agent_id"]?.stringValue == "billing-01")
            let first = try #require(await subscriber.messages.first)
            #expect(first == .connected(subscriptions: []))
            subscriber.stop()
        }
    }

    @Test("initial channels filter: only events of the subscribed agent arrive")
    func initialChannelsFilter() async throws {
        try await LiveEventsServer.run { server in
            let client = server.client()
            let subscriber = try await WebSocketSubscriber.start(client, subscribe: [.agent("billing-01")])
            #expect(await subscriber.messages.first == .connected(subscriptions: [.agent("billing-01")]))
            let other = try await client.createPacket(Packets.packet(target: "archive-07")).id
            let mine = try await client.createPacket(Packets.packet(target: "billing-01")).id
            try await Packets.work(other, by: "archive-07", client)
            try await Packets.work(mine, by: "billing-01", client)

            let events = try await subscriber.events(through: { $0.packetID == mine && $0.type == .packetCompleted })
            #expect(!events.contains { $0.packetID == other })
            #expect(events.map(\.type) == [.packetCreated, .packetClaimed, .packetInProgress, .packetCompleted])
            subscriber.stop()
        }
    }

    @Test("subscribe adds a channel, unsubscribe stops its events")
    func subscribeAndUnsubscribe() async throws {
        try await LiveEventsServer.run { server in
            let client = server.client()
            // A second channel stays subscribed throughout: with no channel at all the server
            // would send everything, which would hide a failed unsubscribe.
            let subscriber = try await WebSocketSubscriber.start(client, subscribe: [.agent("sentinel-01")])
            let session = subscriber.session

            try await session.subscribe(.status(.created))
            #expect(await session.channels == [.agent("sentinel-01"), .status(.created)])
            let seen = try await client.createPacket(Packets.packet(target: "billing-01")).id
            let beforeUnsubscribe = try await subscriber.events(through: { $0.packetID == seen })
            #expect(beforeUnsubscribe.last?.type == .packetCreated)

            try await session.unsubscribe(.status(.created))
            #expect(await session.channels == [.agent("sentinel-01")])
            let unseen = try await client.createPacket(Packets.packet(target: "billing-02")).id
            let sentinel = try await client.createPacket(Packets.packet(target: "sentinel-01")).id

            let events = try await subscriber.events(through: { $0.packetID == sentinel })
            #expect(!events.contains { $0.packetID == unseen })
            #expect(events.map(\.packetID) == [seen, sentinel])
            subscriber.stop()
        }
    }

    @Test("ping waits for the server's pong, also when sent before the connection is up")
    func pingGetsPong() async throws {
        try await LiveEventsServer.run { server in
            let session = server.client().webSocketEvents(options: WebSocketTestSupport.fastOptions)
            // Sent at once: queued until the connection is synchronised, then answered.
            let early = try await session.ping()
            let later = try await session.ping()
            #expect(early >= .zero && later >= .zero)
            session.close()
        }
    }

    @Test("a channel the server refuses: subscribe throws .validation, the session goes on")
    func refusedChannel() async throws {
        try await LiveEventsServer.run { server in
            let client = server.client()
            let subscriber = try await WebSocketSubscriber.start(client, subscribe: [.status(.created)])
            let error = await #expect(throws: HandoffRailError.self) {
                try await subscriber.session.subscribe(.custom("colour:blue"))
            }
            #expect(error?.kind == .validation)
            #expect(error?.validationIssues.first?.input == .string("colour:blue"))
            #expect(await subscriber.session.channels == [.status(.created)])
            try await subscriber.session.ping()
            let id = try await client.createPacket(Packets.packet(target: "billing-01")).id
            #expect(try await subscriber.events(through: { $0.packetID == id }).count == 1)
            subscriber.stop()
        }
    }

    @Test("an initial channel the server refuses ends the session with .validation")
    func refusedInitialChannel() async throws {
        try await LiveEventsServer.run { server in
            let session = server.client().webSocketEvents(subscribe: [.agent("billing-01"), .custom("status:done")], options: WebSocketTestSupport.fastOptions)
            let error = await #expect(throws: HandoffRailError.self) {
                try await EventTestSupport.withTimeout("the refusal") {
                    for try await _ in session {}
                }
            }
            #expect(error?.kind == .validation)
            #expect(error?.validationIssues.first?.loc == [.key("subscribe"), .index(1)])
        }
    }

    @Test("an unknown key ends the session with .authentication (401), a revoked one with .permission (403)")
    func refusedKeys() async throws {
        try await LiveEventsServer.run { server in
            let unknown = server.client(key: "hr_no_such_key_0123456789abcdef").webSocketEvents(options: WebSocketTestSupport.fastOptions)
            let authentication = await #expect(throws: HandoffRailError.self) {
                try await EventTestSupport.withTimeout("the refusal") { for try await _ in unknown {} }
            }
            #expect(authentication?.kind == .authentication)
            #expect(authentication?.statusCode == 401)
            #expect(!String(describing: authentication).contains("hr_no_such_key"))
            // Commands on the ended session fail with the same error instead of waiting.
            let afterwards = await #expect(throws: HandoffRailError.self) { try await unknown.ping() }
            #expect(afterwards?.kind == .authentication)

            let created = try await server.client().createApiKey(ApiKeyCreate(name: "ws-revoked", role: .reader))
            try await server.client().revokeApiKey(keyId: created.id)
            var options = WebSocketTestSupport.fastOptions
            options.keyPlacement = .queryParameter
            let revoked = server.client(key: created.key).webSocketEvents(options: options)
            let permission = await #expect(throws: HandoffRailError.self) {
                try await EventTestSupport.withTimeout("the refusal") { for try await _ in revoked {} }
            }
            #expect(permission?.kind == .permission)
            #expect(permission?.statusCode == 403)
        }
    }

    @Test("cancelling the consumer closes the connection on the server")
    func cancellationClosesTheConnection() async throws {
        try await LiveEventsServer.run { server in
            let client = server.client()
            let subscriber = try await WebSocketSubscriber.start(client, subscribe: [])
            _ = try await EventTestSupport.eventually("the server to count the connection") {
                ((try? await client.getStats())?.activeWsConnections ?? 0) == 1 ? true : nil
            }
            subscriber.stop()
            _ = try await EventTestSupport.eventually("the server to release the connection") {
                ((try? await client.getStats())?.activeWsConnections ?? 1) == 0 ? true : nil
            }
            #expect(try await subscriber.ending() == nil)

            // close() ends the sequence and the connection the same way.
            let session = client.webSocketEvents(options: WebSocketTestSupport.fastOptions)
            try await session.ping()
            session.close()
            var iterator = session.makeAsyncIterator()
            #expect(try await iterator.next() == nil)
            _ = try await EventTestSupport.eventually("the server to release the closed session") {
                ((try? await client.getStats())?.activeWsConnections ?? 1) == 0 ? true : nil
            }

            // Dropping the last copy of a session that was never iterated closes it too.
            try await Self.pingOnce(client)
            _ = try await EventTestSupport.eventually("the server to release the dropped session") {
                ((try? await client.getStats())?.activeWsConnections ?? 1) == 0 ? true : nil
            }
        }
    }

    /// Opens a session, pings over it and lets it go.
    private static func pingOnce(_ client: HandoffRailClient) async throws {
        let session = client.webSocketEvents(options: WebSocketTestSupport.fastOptions)
        try await session.ping()
        #expect(((try? await client.getStats())?.activeWsConnections ?? 0) == 1)
    }

    @Test("a client without a base URL cannot open a WebSocket")
    func inProcessClient() async throws {
        let client = HandoffRailClient(transport: UnusedTransport(), apiKey: "hr_unused_0123456789")
        let session = client.webSocketEvents()
        let error = await #expect(throws: HandoffRailError.self) {
            for try await _ in session {}
        }
        #expect(error?.kind == .connection)
        let command = await #expect(throws: HandoffRailError.self) { try await session.subscribe(.status(.created)) }
        #expect(command?.kind == .connection)
    }
}

/// A transport that is never called (the WebSocket needs a base URL instead).
private struct UnusedTransport: HandoffRailTransport {
    func send(_ request: TransportRequest) async throws -> TransportResponse {
        throw WebSocketTestFailure("unexpected request \(request.path)")
    }
}
