import Foundation
import HandoffRailModels
import Testing

@Suite("Live events never cross tenants")
struct EventTenantIsolationTests {
    @Test("two tenants' SSE subscribers each see only their own tenant's events")
    func twoTenants() async throws {
        try await EventsLiveServer.run { server in
            let other = try await server.live.makeTenant()
            try await server.withEventStream { mine, _ in
                try await server.withEventStream(path: "/api/v1/events", key: other.adminKey) { theirs, _ in
                    #expect(try await mine.next()?.event == "connected")
                    #expect(try await theirs.next()?.event == "connected")
                    for index in 1...3 {
                        _ = try await server.live.createPacket(LiveServer.samplePacket(summary: "operator \(index)"))
                        _ = try await server.live.createPacket(LiveServer.samplePacket(summary: "other \(index)"), key: other.adminKey)
                    }
                    // A subscription naming the other tenant's packet id still sees nothing of it.
                    let mineEvents = try await mine.events(3)
                    let theirEvents = try await theirs.events(3)
                    #expect(mineEvents.map { $0.json?["data"]?["summary"]?.stringValue } == ["operator 1", "operator 2", "operator 3"])
                    #expect(theirEvents.map { $0.json?["data"]?["summary"]?.stringValue } == ["other 1", "other 2", "other 3"])
                    // One more event each, to be sure nothing foreign was queued behind.
                    _ = try await server.live.createPacket(LiveServer.samplePacket(summary: "operator last"))
                    _ = try await server.live.createPacket(LiveServer.samplePacket(summary: "other last"), key: other.adminKey)
                    #expect(try await mine.events(1).first?.json?["data"]?["summary"] == "operator last")
                    #expect(try await theirs.events(1).first?.json?["data"]?["summary"] == "other last")
                }
            }
        }
    }

    @Test("Last-Event-ID replay returns only the caller's tenant's events")
    func replayIsTenantScoped() async throws {
        try await EventsLiveServer.run { server in
            let other = try await server.live.makeTenant()
            _ = try await server.live.createPacket(LiveServer.samplePacket(summary: "operator history"))
            _ = try await server.live.createPacket(LiveServer.samplePacket(summary: "other history"), key: other.adminKey)
            try await server.withEventStream(key: other.adminKey, headers: [("Last-Event-ID", "0")]) { inbox, _ in
                let connected = try #require(try await inbox.next())
                #expect(connected.json?["replay"]?["events"] == 1)
                #expect(try await inbox.events(1).first?.json?["data"]?["summary"] == "other history")
            }
        }
    }
}
