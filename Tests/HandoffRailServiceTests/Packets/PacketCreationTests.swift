import Foundation
import HandoffRailModels
import HandoffRailService
import Testing

@Suite("Packet creation (service)")
struct PacketCreationTests {
    @Test("the same Idempotency-Key and body returns the first packet; another body is 422")
    func idempotentCreate() async throws {
        let bench = try await PacketTestBench()
        let first = try await bench.create(.sample(), idempotencyKey: "retry-1")
        let second = try await bench.create(.sample(), idempotencyKey: "retry-1")
        #expect(first == second)
        guard case .ok(let list) = try await bench.service.listPackets(.init(), caller: bench.caller()) else {
            Issue.record("list failed")
            return
        }
        #expect(list.total == 1)
        let error = await ServiceError.thrown { _ = try await bench.create(.sample(summary: "something else"), idempotencyKey: "retry-1") }
        #expect(error?.statusCode == 422)
    }

    @Test("an Idempotency-Key older than the 24 h window is free again")
    func idempotencyWindow() async throws {
        let offset = TimeOffset()
        let bench = try await PacketTestBench(clock: ServiceClock { Date().addingTimeInterval(offset.seconds) })
        let first = try await bench.create(.sample(), idempotencyKey: "daily-report")
        offset.seconds = 25 * 3600
        let second = try await bench.create(.sample(summary: "the next day's report"), idempotencyKey: "daily-report")
        #expect(second.id != first.id)
        let replay = try await bench.create(.sample(summary: "the next day's report"), idempotencyKey: "daily-report")
        #expect(replay.id == second.id)
    }

    @Test("concurrent retries with one Idempotency-Key create one packet")
    func concurrentIdempotentCreates() async throws {
        let bench = try await PacketTestBench()
        let ids = try await withThrowingTaskGroup(of: UUID.self) { group in
            for _ in 0..<20 {
                group.addTask { try await bench.create(.sample(), idempotencyKey: "same-key").id }
            }
            return try await group.reduce(into: Set<UUID>()) { $0.insert($1) }
        }
        #expect(ids.count == 1)
    }

    @Test("the free tier's daily handoff quota answers 429 daily_limit_exceeded unless disabled")
    func dailyQuota() async throws {
        let bench = try await PacketTestBench(tier: .free)
        for _ in 0..<5 { try await bench.create(.sample(source: "a", target: "b")) }
        let error = await ServiceError.thrown { _ = try await bench.create(.sample(source: "a", target: "b")) }
        #expect(error?.statusCode == 429)
        #expect(error?.code == "daily_limit_exceeded")
        #expect(error?.field == "handoffs_per_day")

        let unlimited = try await PacketTestBench(tier: .free, configuration: ServiceConfiguration(dailyLimitDisabled: true))
        for _ in 0..<6 { try await unlimited.create(.sample(source: "a", target: "b")) }
    }

    @Test("concurrent creates cannot overshoot the daily quota")
    func dailyQuotaUnderConcurrency() async throws {
        let bench = try await PacketTestBench(tier: .free)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<20 {
                group.addTask { (try? await bench.create(.sample(source: "a", target: "b"))) != nil }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 5)
        let error = await ServiceError.thrown { _ = try await bench.create(.sample(source: "a", target: "b")) }
        #expect((error?.retryAfterSeconds ?? 0) > 0)
    }

    @Test("a claim by a new agent counts toward the agents quota")
    func claimCountsAgents() async throws {
        let bench = try await PacketTestBench(tier: .free, configuration: ServiceConfiguration(dailyLimitDisabled: true))
        let packet = try await bench.create(.sample(source: "a", target: "b"))
        let error = await ServiceError.thrown { _ = try await bench.claim(packet.id, agent: "c") }
        #expect(error?.code == "quota_exceeded")
        guard case .ok = try await bench.claim(packet.id, agent: "b") else {
            Issue.record("a known agent could not claim")
            return
        }
    }

    @Test("the agents-per-tenant quota counts distinct source and target ids")
    func agentQuota() async throws {
        let bench = try await PacketTestBench(tier: .free, configuration: ServiceConfiguration(dailyLimitDisabled: true))
        try await bench.create(.sample(source: "a", target: "b"))
        try await bench.create(.sample(source: "b", target: "a"))
        let error = await ServiceError.thrown { _ = try await bench.create(.sample(source: "a", target: "c")) }
        #expect(error?.statusCode == 403)
        #expect(error?.code == "quota_exceeded")
    }

    @Test("batch create: per-item errors, more than 50 is 400, valid items created")
    func batchCreate() async throws {
        let bench = try await PacketTestBench()
        let valid = try JSONValueEncoder().encode(PacketCreate.sample())
        guard case .object(let validItem) = valid else { throw TestFailure("not an object") }
        var invalidItem = validItem
        invalidItem["context"] = ["summary": ""]
        guard case .created(let result) = try await bench.service.batchCreatePackets(
            .init(body: BatchCreateRequest(packets: [validItem, invalidItem, validItem])), caller: bench.caller()
        ) else {
            Issue.record("batch failed")
            return
        }
        #expect(result.created.count == 2)
        #expect(result.errors.map(\.index) == [1])
        let tooMany = await ServiceError.thrown {
            _ = try await bench.service.batchCreatePackets(.init(body: BatchCreateRequest(packets: Array(repeating: validItem, count: 51))), caller: bench.caller())
        }
        #expect(tooMany?.statusCode == 400)
    }

    @Test("batch claim and complete report per-item errors")
    func batchClaimComplete() async throws {
        let bench = try await PacketTestBench()
        let a = try await bench.create()
        let b = try await bench.create()
        _ = try await bench.claim(b.id, agent: "someone")
        guard case .ok(let claimed) = try await bench.service.batchClaimPackets(
            .init(body: BatchClaimRequest(packetIds: [a.id.uuidString, b.id.uuidString, "not-a-uuid"], agentId: "me", agentName: "Me")), caller: bench.caller(.writer)
        ) else {
            Issue.record("batch claim failed")
            return
        }
        #expect(claimed.claimed.map(\.id) == [a.id])
        #expect(claimed.errors.count == 2)
        #expect(claimed.errors[0].error.contains("Already claimed"))
        let c = try await bench.create()
        guard case .ok(let completed) = try await bench.service.batchCompletePackets(
            .init(body: BatchCompleteRequest(packetIds: [a.id.uuidString, c.id.uuidString])), caller: bench.caller(.writer)
        ) else {
            Issue.record("batch complete failed")
            return
        }
        #expect(completed.completed.map(\.id) == [a.id])
        #expect(completed.errors.first?.error.contains("Cannot complete") == true)
    }

    @Test("chain: child has the parent id, the parent's conversation first; history on both")
    func chain() async throws {
        let bench = try await PacketTestBench()
        let parent = try await bench.create(.sample(conversation: [ContextEntry(role: .user, content: "first turn")]))
        let request = ChainRequest(
            metadata: Metadata(sourceAgent: AgentInfo(id: "billing-01", name: "Billing"), targetAgent: TargetAgentInfo(id: "refunds-01", name: "Refunds")),
            context: PacketContext(summary: "Issue the refund", conversationState: [ContextEntry(role: .agent, content: "second turn")])
        )
        guard case .created(let child) = try await bench.service.chainPacket(.init(packetId: parent.id, body: request), caller: bench.caller(.writer)) else {
            Issue.record("chain failed")
            return
        }
        #expect(child.parentPacketId == parent.id)
        #expect(child.context.conversationState.map(\.content) == ["first turn", "second turn"])
        #expect(try await bench.history(parent.id) == ["created", "chained"])
        guard case .ok(let childHistory) = try await bench.service.getPacketHistory(.init(packetId: child.id), caller: bench.caller()) else {
            Issue.record("history failed")
            return
        }
        #expect(childHistory.events.first?.details?["chain"] == true)
        #expect(childHistory.events.first?.details?["parent_packet_id"] == .string(parent.id.uuidString.lowercased()))
    }
}
