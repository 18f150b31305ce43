import Foundation
import HandoffRailModels
import HTTPTypes
import Testing

/// PROTOCOL.md's packet behaviour, over a live socket.
@Suite("Packets over HTTP")
struct PacketEndpointsTests {
    @Test("create → claim → in_progress → completed; history in order; timestamps set")
    func lifecycle() async throws {
        try await LiveServer.run { server in
            let packet = try await server.createPacket()
            let id = try #require(packet["id"]?.stringValue)
            #expect(packet["status"] == "created")
            #expect(packet["version"] == "1.0.0")

            let claim = try await server.request(.post, "/api/v1/packets/\(id)/claim", json: ["agent_id": "billing-02", "agent_name": "Billing 2", "framework": "langchain"])
            #expect(claim.status == 200)
            #expect(claim.json?["metadata"]?["target_agent"]?["id"] == "billing-02")
            #expect(claim.json?["metadata"]?["claimed_at"]?.stringValue != nil)

            #expect(try await server.request(.patch, "/api/v1/packets/\(id)", json: ["status": "in_progress"]).status == 200)
            let done = try await server.request(.patch, "/api/v1/packets/\(id)", json: ["status": "completed"])
            #expect(done.status == 200)
            #expect(done.json?["metadata"]?["completed_at"]?.stringValue != nil)

            let history = try await server.request(.get, "/api/v1/packets/\(id)/history")
            #expect(history.json?["packet_id"]?.stringValue == id)
            let types = history.json?["events"]?.arrayValue?.compactMap { $0["event_type"]?.stringValue }
            #expect(types == ["created", "claimed", "in_progress", "completed"])
            #expect(history.json?["events"]?[0]?["actor"] == "agent:triage-01")
        }
    }

    @Test("a required HITL checkpoint starts awaiting_human; respond answers and moves to claimed")
    func humanInTheLoop() async throws {
        try await LiveServer.run { server in
            let packet = try await server.createPacket(LiveServer.samplePacket(hitl: ["required": true, "reason": "Refund over limit", "options": ["approve", "deny"]]))
            let id = try #require(packet["id"]?.stringValue)
            #expect(packet["status"] == "awaiting_human")
            let awaiting = try await server.request(.get, "/api/v1/packets/awaiting")
            #expect(awaiting.json?["packets"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [id])

            let respond = try await server.request(.post, "/api/v1/packets/\(id)/respond", json: ["response": "approve", "responded_by": "alice", "notes": "fine"])
            #expect(respond.status == 200)
            #expect(respond.json?["status"] == "claimed")
            #expect(respond.json?["hitl"]?["response"] == "approve")
            #expect(respond.json?["hitl"]?["responded_at"]?.stringValue != nil)
            let again = try await server.request(.post, "/api/v1/packets/\(id)/respond", json: ["response": "deny", "responded_by": "bob"])
            #expect(again.status == 409)
            #expect(again.detail != nil)
        }
    }

    @Test("hitl without reason and bad enums are 422 in FastAPI's shape")
    func validation() async throws {
        try await LiveServer.run { server in
            let missingReason = try await server.request(.post, "/api/v1/packets", json: LiveServer.samplePacket(hitl: ["required": true]))
            #expect(missingReason.status == 422)
            let locations = missingReason.json?["detail"]?.arrayValue?.compactMap { $0["loc"] }
            #expect(locations?.contains(["body", "hitl", "reason"]) == true)
            let badPriority = try await server.request(
                .post, "/api/v1/packets",
                json: LiveServer.samplePacket(extra: ["metadata": ["source_agent": ["id": "a", "name": "A"], "target_agent": ["id": "b", "name": "B"], "priority": "urgent"]])
            )
            #expect(badPriority.status == 422)
            #expect(badPriority.json?["detail"]?[0]?["type"]?.stringValue != nil)
            let emptySummary = try await server.request(.post, "/api/v1/packets", json: LiveServer.samplePacket(summary: ""))
            #expect(emptySummary.status == 422)
        }
    }

    @Test("claim conflicts: 409 with object detail naming the claimant; completed 400; expired 410")
    func claimConflicts() async throws {
        try await LiveServer.run { server in
            let id = try #require(try await server.createPacket()["id"]?.stringValue)
            _ = try await server.request(.post, "/api/v1/packets/\(id)/claim", json: ["agent_id": "first", "agent_name": "First"])
            let second = try await server.request(.post, "/api/v1/packets/\(id)/claim", json: ["agent_id": "second", "agent_name": "Second"])
            #expect(second.status == 409)
            #expect(second.json?["detail"]?["message"]?.stringValue?.contains("already claimed") == true)
            #expect(second.json?["detail"]?["claimed_by"]?["id"] == "first")

            _ = try await server.request(.patch, "/api/v1/packets/\(id)", json: ["status": "completed"])
            let onCompleted = try await server.request(.post, "/api/v1/packets/\(id)/claim", json: ["agent_id": "third", "agent_name": "Third"])
            #expect(onCompleted.status == 400)
            #expect(onCompleted.detail?.contains("Cannot transition") == true)
            let invalid = try await server.request(.patch, "/api/v1/packets/\(id)", json: ["status": "in_progress"])
            #expect(invalid.status == 400)
            #expect(invalid.detail?.contains("Cannot transition") == true)

            let other = try #require(try await server.createPacket()["id"]?.stringValue)
            #expect(try await server.request(.delete, "/api/v1/packets/\(other)").status == 204)
            #expect(try await server.request(.delete, "/api/v1/packets/\(other)").status == 409)
            let onExpired = try await server.request(.post, "/api/v1/packets/\(other)/claim", json: ["agent_id": "x", "agent_name": "X"])
            #expect(onExpired.status == 410)
            let history = try await server.request(.get, "/api/v1/packets/\(other)/history")
            #expect(history.json?["events"]?.arrayValue?.last?["event_type"] == "expired")
        }
    }

    @Test("100 concurrent claimers of one packet: exactly one 200 and 99 × 409")
    func concurrentClaims() async throws {
        try await LiveServer.run { server in
            let id = try #require(try await server.createPacket()["id"]?.stringValue)
            let statuses = try await ConcurrentClaimers.claim(packetID: id, port: server.port, apiKey: LiveServer.adminKey, claimers: 100)
            #expect(statuses.filter { $0 == 200 }.count == 1)
            #expect(statuses.filter { $0 == 409 }.count == 99)
            let history = try await server.request(.get, "/api/v1/packets/\(id)/history")
            #expect(history.json?["events"]?.arrayValue?.count == 2)
        }
    }

    @Test("list: filters, newest first, cursor pages, bad cursor 400, trailing Z accepted")
    func list() async throws {
        try await LiveServer.run { server in
            var ids: [String] = []
            for index in 0..<5 {
                let packet = try await server.createPacket(LiveServer.samplePacket(source: "src-\(index % 2)"))
                ids.append(try #require(packet["id"]?.stringValue))
            }
            let all = try await server.request(.get, "/api/v1/packets?limit=2")
            #expect(all.json?["total"] == 5)
            #expect(all.json?["limit"] == 2)
            #expect(all.json?["packets"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == Array(ids.reversed().prefix(2)))
            var seen: [String] = []
            var cursor = all.json?["next_cursor"]?.stringValue
            seen += all.json?["packets"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            while let next = cursor {
                let page = try await server.request(.get, "/api/v1/packets?limit=2&cursor=\(next)")
                seen += page.json?["packets"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
                cursor = page.json?["next_cursor"]?.stringValue
            }
            #expect(seen == ids.reversed())
            let bad = try await server.request(.get, "/api/v1/packets?cursor=not-a-cursor")
            #expect(bad.status == 400)
            #expect(bad.json == ["detail": "Invalid cursor", "code": "invalid_cursor", "field": "cursor"] || bad.detail == "Invalid cursor")
            let filtered = try await server.request(.get, "/api/v1/packets?source_agent=src-1&status=created,claimed&tags=billing,refund&priority=high&hitl_required=false&created_after=2020-01-01T00:00:00Z&created_before=2999-01-01T00:00:00Z")
            #expect(filtered.status == 200)
            #expect(filtered.json?["total"] == 2)
            let tooBig = try await server.request(.get, "/api/v1/packets?limit=201")
            #expect(tooBig.status == 422)
        }
    }

    @Test("search: q under 2 chars 422; stemming; status filter")
    func search() async throws {
        try await LiveServer.run { server in
            let id = try #require(try await server.createPacket(LiveServer.samplePacket(summary: "Deploying the payments gateway"))["id"]?.stringValue)
            let short = try await server.request(.get, "/api/v1/packets/search?q=d")
            #expect(short.status == 422)
            let found = try await server.request(.get, "/api/v1/packets/search?q=deploy")
            #expect(found.json?["packets"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [id])
            let none = try await server.request(.get, "/api/v1/packets/search?q=deploy&status=completed")
            #expect(none.json?["packets"]?.arrayValue?.isEmpty == true)
        }
    }

    @Test("chain: 201 with parent id, parent conversation first, chained event on the parent")
    func chain() async throws {
        try await LiveServer.run { server in
            let parent = try #require(try await server.createPacket()["id"]?.stringValue)
            let chain: JSONValue = [
                "metadata": ["source_agent": ["id": "billing-01", "name": "Billing"], "target_agent": ["id": "refunds-01", "name": "Refunds"]],
                "context": ["summary": "Issue the refund", "conversation_state": [["role": "agent", "content": "Refund approved"]]],
            ]
            let child = try await server.request(.post, "/api/v1/packets/\(parent)/chain", json: chain)
            #expect(child.status == 201)
            #expect(child.json?["parent_packet_id"]?.stringValue == parent)
            #expect(child.json?["context"]?["conversation_state"]?.arrayValue?.compactMap { $0["content"]?.stringValue } == ["I was charged twice.", "Refund approved"])
            let childID = try #require(child.json?["id"]?.stringValue)
            let childHistory = try await server.request(.get, "/api/v1/packets/\(childID)/history")
            #expect(childHistory.json?["events"]?[0]?["details"] == ["parent_packet_id": .string(parent), "chain": true])
            let parentHistory = try await server.request(.get, "/api/v1/packets/\(parent)/history")
            #expect(parentHistory.json?["events"]?.arrayValue?.compactMap { $0["event_type"]?.stringValue } == ["created", "chained"])
        }
    }

    @Test("batch: empty 422, over 50 is 400, per-item errors with Already claimed / Cannot complete")
    func batch() async throws {
        try await LiveServer.run { server in
            #expect(try await server.request(.post, "/api/v1/packets/batch", json: ["packets": []]).status == 422)
            let tooMany = JSONValue.array(Array(repeating: LiveServer.samplePacket(), count: 51))
            #expect(try await server.request(.post, "/api/v1/packets/batch", json: ["packets": tooMany]).status == 400)
            let created = try await server.request(.post, "/api/v1/packets/batch", json: ["packets": [LiveServer.samplePacket(), ["context": ["summary": "no metadata"]], LiveServer.samplePacket()]])
            #expect(created.status == 201)
            let ids = created.json?["created"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            #expect(ids.count == 2)
            #expect(created.json?["errors"]?[0]?["index"] == 1)
            _ = try await server.request(.post, "/api/v1/packets/\(ids[1])/claim", json: ["agent_id": "other", "agent_name": "Other"])
            let claimed = try await server.request(.post, "/api/v1/packets/batch/claim", json: ["packet_ids": .array(ids.map { .string($0) }), "agent_id": "me", "agent_name": "Me"])
            #expect(claimed.status == 200)
            #expect(claimed.json?["claimed"]?.arrayValue?.count == 1)
            #expect(claimed.json?["errors"]?[0]?["error"]?.stringValue?.contains("Already claimed") == true)
            let third = try #require(try await server.createPacket()["id"]?.stringValue)
            _ = try await server.request(.delete, "/api/v1/packets/\(third)")
            let completed = try await server.request(.post, "/api/v1/packets/batch/complete", json: ["packet_ids": [.string(ids[0]), .string(third)]])
            #expect(completed.status == 200)
            #expect(completed.json?["completed"]?.arrayValue?.count == 1)
            #expect(completed.json?["errors"]?[0]?["error"]?.stringValue?.contains("Cannot complete") == true)
        }
    }

    @Test("Idempotency-Key: a retried create returns the first packet; another body is 422")
    func idempotency() async throws {
        try await LiveServer.run { server in
            let key: HTTPFields = [.init("Idempotency-Key")!: "create-once-1"]
            let first = try await server.request(.post, "/api/v1/packets", json: LiveServer.samplePacket(), headers: key)
            let retry = try await server.request(.post, "/api/v1/packets", json: LiveServer.samplePacket(), headers: key)
            #expect(first.status == 201)
            #expect(retry.status == 201)
            #expect(first.json?["id"] == retry.json?["id"])
            let list = try await server.request(.get, "/api/v1/packets")
            #expect(list.json?["total"] == 1)
            let other = try await server.request(.post, "/api/v1/packets", json: LiveServer.samplePacket(summary: "different"), headers: key)
            #expect(other.status == 422)
        }
    }
}
