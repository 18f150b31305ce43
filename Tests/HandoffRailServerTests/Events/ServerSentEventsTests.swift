import AsyncHTTPClient
import Foundation
import HandoffRailModels
import HandoffRailServer
import HandoffRailService
import Testing

@Suite("GET /events (SSE over a real socket)")
struct ServerSentEventsTests {
    /// The types of the next `count` events, checking each frame's `id:` and JSON on the way.
    private func types(_ inbox: SSEInbox, _ count: Int) async throws -> [String] {
        let frames = try await inbox.events(count)
        for frame in frames {
            let json = try #require(frame.json)
            #expect(json["type"]?.stringValue == frame.event)
            #expect(json["packet_id"]?.stringValue.flatMap(UUID.init(uuidString:)) != nil)
            #expect(json["data"]?.objectValue != nil)
            #expect(json["timestamp"]?.stringValue != nil)
            #expect(frame.id.flatMap { Int64($0) } != nil, "id: must be the outbox sequence")
        }
        return frames.map(\.event)
    }

    @Test("connected first, then an event with id: for every create/claim/update/complete/respond/chain/batch/delete")
    func lifecycle() async throws {
        try await EventsLiveServer.run { server in
            try await server.withEventStream { inbox, response in
                #expect(response.status == .ok)
                #expect(response.headers.first(name: "Content-Type")?.hasPrefix("text/event-stream") == true)
                let connected = try #require(try await inbox.next())
                #expect(connected.event == "connected")
                #expect(connected.json?["subscriptions"] == [])

                let packet = try await server.live.createPacket()
                let id = try #require(packet["id"]?.stringValue)
                #expect(try await types(inbox, 1) == ["packet.created"])
                try await server.call(.post, "/api/v1/packets/\(id)/claim", json: ["agent_id": "billing-01", "agent_name": "Billing"], expect: 200)
                #expect(try await types(inbox, 1) == ["packet.claimed"])
                try await server.call(.patch, "/api/v1/packets/\(id)", json: ["status": "in_progress"], expect: 200)
                #expect(try await types(inbox, 1) == ["packet.in_progress"])
                try await server.call(.patch, "/api/v1/packets/\(id)", json: ["decisions": [["id": "d1", "decision": "refund", "rationale": "duplicate charge"]]], expect: 200)
                #expect(try await types(inbox, 1) == ["packet.updated"])
                try await server.call(.patch, "/api/v1/packets/\(id)", json: ["status": "completed"], expect: 200)
                #expect(try await types(inbox, 1) == ["packet.completed"])

                let hitl = try await server.live.createPacket(LiveServer.samplePacket(hitl: ["required": true, "reason": "approve the refund"]))
                let hitlID = try #require(hitl["id"]?.stringValue)
                let created = try await inbox.events(1)
                #expect(created.first?.json?["data"]?["status"] == "awaiting_human")
                try await server.call(.post, "/api/v1/packets/\(hitlID)/respond", json: ["response": "approved", "responded_by": "ops-lead"], expect: 200)
                #expect(try await types(inbox, 2) == ["hitl.response_ready", "packet.claimed"])

                try await server.call(.post, "/api/v1/packets/\(id)/chain", json: LiveServer.samplePacket(summary: "follow-up"), expect: 201)
                #expect(try await types(inbox, 2) == ["packet.created", "packet.chained"])

                let batch = try await server.call(.post, "/api/v1/packets/batch", json: ["packets": [LiveServer.samplePacket(), LiveServer.samplePacket()]], expect: 201)
                let batchIDs = try #require(batch["created"]?.arrayValue?.compactMap { $0["id"] })
                #expect(try await types(inbox, 2) == ["packet.created", "packet.created"])
                try await server.call(.post, "/api/v1/packets/batch/claim", json: ["packet_ids": .array(batchIDs), "agent_id": "billing-01", "agent_name": "Billing"], expect: 200)
                #expect(try await types(inbox, 2) == ["packet.claimed", "packet.claimed"])
                try await server.call(.post, "/api/v1/packets/batch/complete", json: ["packet_ids": .array(batchIDs)], expect: 200)
                #expect(try await types(inbox, 2) == ["packet.completed", "packet.completed"])

                try await server.call(.delete, "/api/v1/packets/\(hitlID)", expect: 204)
                #expect(try await types(inbox, 1) == ["packet.expired"])
            }
        }
    }

    @Test("a packet the sweeper expires (TTL, HITL timeout) is announced as packet.expired with its reason")
    func expiry() async throws {
        try await EventsLiveServer.run { server in
            try await server.withEventStream(query: "subscribe=status:expired") { inbox, _ in
                _ = try await inbox.next()
                let packet = try await server.live.createPacket(LiveServer.samplePacket(hitl: ["required": true, "reason": "sign-off", "timeout_seconds": 1]))
                let id = try #require(packet["id"]?.stringValue.flatMap(UUID.init(uuidString:)))
                let stored = try #require(try await server.live.store.packet(id: id, tenantID: "default"))
                #expect(try await server.live.service.expire(stored, reason: .hitlTimeout, now: Date()))
                let expired = try #require(try await inbox.events(1).first)
                #expect(expired.event == "packet.expired")
                #expect(expired.json?["packet_id"]?.stringValue == id.uuidString.lowercased())
                #expect(expired.json?["data"]?["reason"] == "hitl_timeout")
                #expect(expired.json?["data"]?["from"] == "awaiting_human")
            }
        }
    }

    @Test("ids are increasing outbox sequences and events carry the packet's fields")
    func frameContents() async throws {
        try await EventsLiveServer.run { server in
            try await server.withEventStream(path: "/api/v1/events") { inbox, _ in
                _ = try await inbox.next()
                let first = try await server.live.createPacket(LiveServer.samplePacket(summary: "first"))
                _ = try await server.live.createPacket(LiveServer.samplePacket(summary: "second"))
                let frames = try await inbox.events(2)
                let ids = frames.compactMap { $0.id.flatMap { Int64($0) } }
                #expect(ids.count == 2 && ids[0] < ids[1])
                let data = try #require(frames.first?.json?["data"])
                #expect(frames.first?.json?["packet_id"] == first["id"])
                #expect(data["summary"] == "first")
                #expect(data["source_agent_id"] == "triage-01")
                #expect(data["target_agent_id"] == "billing-01")
                #expect(data["status"] == "created")
            }
        }
    }

    @Test("subscribe channels filter: status, agent (source or target) and packet")
    func channelFilter() async throws {
        try await EventsLiveServer.run { server in
            let watched = try await server.live.createPacket(LiveServer.samplePacket(summary: "watched packet"))
            let watchedID = try #require(watched["id"]?.stringValue)
            let query = "subscribe=status:completed&subscribe=agent:legal-01&subscribe=packet:\(watchedID)"
            try await server.withEventStream(query: query) { inbox, _ in
                let connected = try #require(try await inbox.next())
                #expect(connected.json?["subscriptions"] == ["agent:legal-01", .string("packet:\(watchedID)"), "status:completed"])
                let other = try await server.live.createPacket(LiveServer.samplePacket(summary: "not watched"))
                let otherID = try #require(other["id"]?.stringValue)
                _ = try await server.live.createPacket(LiveServer.samplePacket(summary: "to legal", source: "triage-02", target: "legal-01"))
                _ = try await server.live.createPacket(LiveServer.samplePacket(summary: "from legal", source: "legal-01", target: "billing-02"))
                try await server.call(.post, "/api/v1/packets/\(watchedID)/claim", json: ["agent_id": "billing-01", "agent_name": "Billing"], expect: 200)
                try await server.call(.post, "/api/v1/packets/\(otherID)/claim", json: ["agent_id": "billing-01", "agent_name": "Billing"], expect: 200)
                try await server.call(.patch, "/api/v1/packets/\(otherID)", json: ["status": "completed"], expect: 200)
                let frames = try await inbox.events(4)
                #expect(frames.map { $0.json?["data"]?["summary"]?.stringValue } == ["to legal", "from legal", "watched packet", "not watched"])
                #expect(frames.map(\.event) == ["packet.created", "packet.created", "packet.claimed", "packet.completed"])
            }
        }
    }

    @Test("Last-Event-ID replays what the client missed, then continues live without duplicates")
    func lastEventIDReplay() async throws {
        try await EventsLiveServer.run { server in
            let lastSeen: String = try await server.withEventStream { inbox, _ in
                _ = try await inbox.next()
                _ = try await server.live.createPacket(LiveServer.samplePacket(summary: "seen"))
                return try #require(try await inbox.events(1).first?.id)
            }
            // Disconnected: these are missed.
            for index in 1...3 {
                _ = try await server.live.createPacket(LiveServer.samplePacket(summary: "missed \(index)"))
            }
            try await server.withEventStream(headers: [("Last-Event-ID", lastSeen)]) { inbox, _ in
                let connected = try #require(try await inbox.next())
                #expect(connected.event == "connected")
                #expect(connected.json?["replay"]?["events"] == 3)
                #expect(connected.json?["replay"]?["complete"] == true)
                let replayed = try await inbox.events(3)
                #expect(replayed.map { $0.json?["data"]?["summary"]?.stringValue } == ["missed 1", "missed 2", "missed 3"])
                _ = try await server.live.createPacket(LiveServer.samplePacket(summary: "live again"))
                let live = try await inbox.events(1)
                #expect(live.first?.json?["data"]?["summary"] == "live again")
                let ids = (replayed + live).compactMap { $0.id.flatMap { Int64($0) } }
                #expect(ids == ids.sorted() && Set(ids).count == 4)
                #expect(ids.allSatisfy { $0 > Int64(lastSeen)! })
            }
        }
    }

    @Test("Last-Event-ID replay is bounded by the window and says so")
    func boundedReplay() async throws {
        var configuration = EventStreamConfiguration()
        configuration.replay = EventReplayPolicy(maximumEvents: 2)
        try await EventsLiveServer.run(configuration: configuration) { server in
            for index in 1...5 {
                _ = try await server.live.createPacket(LiveServer.samplePacket(summary: "old \(index)"))
            }
            try await server.withEventStream(headers: [("Last-Event-ID", "0")]) { inbox, _ in
                let connected = try #require(try await inbox.next())
                #expect(connected.json?["replay"]?["complete"] == false)
                let replayed = try await inbox.events(2)
                #expect(replayed.map { $0.json?["data"]?["summary"]?.stringValue } == ["old 4", "old 5"])
            }
        }
    }

    @Test("a ping frame with a timestamp follows every heartbeat interval")
    func heartbeat() async throws {
        var configuration = EventStreamConfiguration()
        configuration.heartbeatInterval = .milliseconds(100)
        try await EventsLiveServer.run(configuration: configuration) { server in
            try await server.withEventStream { inbox, _ in
                #expect(try await inbox.next()?.event == "connected")
                let ping = try #require(try await inbox.next())
                #expect(ping.event == "ping")
                #expect(ping.id == nil)
                #expect(ping.json?["type"] == "ping")
                #expect(ping.json?["timestamp"]?.stringValue != nil)
            }
        }
    }
}
