import Foundation
import HandoffRailModels
import HandoffRailService
import HandoffRailStorage
import Testing

@Suite("stats, system health and probes")
struct SystemOperationsTests {
    private func packet(_ summary: String, source: String = "planner", hitl: Bool = false) -> PacketCreate {
        PacketCreate(
            metadata: Metadata(sourceAgent: AgentInfo(id: source, name: source.capitalized), targetAgent: TargetAgentInfo(id: "coder", name: "Coder")),
            context: PacketContext(summary: summary),
            hitl: hitl ? HitlCheckpoint(reason: "approval needed") : nil
        )
    }

    private func create(_ body: PacketCreate, _ fixture: ServiceFixture, caller: APICaller) async throws -> Packet {
        guard case .created(let packet) = try await fixture.service.createPacket(.init(body: body), caller: caller) else {
            throw UnexpectedOutput("createPacket did not answer 201")
        }
        return packet
    }

    @Test("an empty system: counts 0, averages and ages null, {} and []")
    func emptySystem() async throws {
        let started = Date(timeIntervalSince1970: 1_700_000_000)
        let fixture = try await ServiceFixture.make(
            configuration: ServiceConfiguration(environment: "test", version: "9.9.9"),
            probes: SystemProbes(startedAt: started),
            clock: ServiceClock { started.addingTimeInterval(90) }
        )
        guard case .ok(let stats) = try await fixture.service.getStats(.init(), caller: fixture.admin) else {
            Issue.record("stats failed")
            return
        }
        #expect(stats == Stats(totalPackets: 0, packetsByStatus: [:], packetsLast24h: 0, avgClaimTimeSeconds: nil, hitlQueueDepth: 0, activeWsConnections: 0))

        guard case .ok(let health) = try await fixture.service.getSystemHealth(.init(), caller: fixture.admin) else {
            Issue.record("system health failed")
            return
        }
        #expect(health.version == "9.9.9")
        #expect(health.environment == "test")
        #expect(health.uptimeSeconds == 90)
        #expect(health.databaseBackend == fixture.store.backendName)
        #expect(health.totalPackets == 0 && health.packetsByStatus.isEmpty)
        #expect(health.packetsCreatedLast1h == 0 && health.packetsCreatedLast24h == 0)
        #expect(health.avgTimeToClaimSeconds == nil && health.avgTimeToCompleteSeconds == nil)
        #expect(health.activeAgents == 0 && health.totalAgentsSeen == 0 && health.topAgents.isEmpty)
        #expect(health.packetsWaiting == 0 && health.oldestWaitingPacketAgeSeconds == nil && health.claimedNotCompleted == 0)
        #expect(health.totalWebhooks == 0 && health.recentDeliveries1h == 0 && health.failedDeliveries1h == 0)
        #expect(health.avgDeliveryLatencyMs == nil)
        #expect(health.activeApiKeys == 1)
        #expect(health.requestsLast1hPerKey.isEmpty)
        let wire = try #require(String(data: try HandoffRailJSON.encode(health), encoding: .utf8))
        #expect(wire.contains("\"avg_time_to_claim_seconds\":null"))
        #expect(wire.contains("\"packets_by_status\":{}"))
        #expect(wire.contains("\"top_agents\":[]"))
    }

    @Test("stats count the caller's tenant only; system health counts everything")
    func counts() async throws {
        let fixture = try await ServiceFixture.make(probes: SystemProbes(
            activeEventConnections: { tenant in tenant == "default" ? 2 : (tenant == nil ? 7 : 0) },
            requestsLastHourPerKey: { ["key-a": 12] }
        ))
        let first = try await create(packet("first"), fixture, caller: fixture.admin)
        _ = try await create(packet("second"), fixture, caller: fixture.admin)
        _ = try await create(packet("needs a human", hitl: true), fixture, caller: fixture.admin)
        _ = try await fixture.service.claimPacket(.init(packetId: first.id, body: .init(agentId: "coder", agentName: "Coder")), caller: fixture.admin)
        let other = try await fixture.addTenant(tier: .business, role: .admin)
        _ = try await create(packet("elsewhere", source: "scout"), fixture, caller: other)
        _ = try await fixture.service.createHook(.init(body: .init(url: "https://93.184.216.34/h", secret: "0123456789abcdef")), caller: other)

        guard case .ok(let stats) = try await fixture.service.getStats(.init(), caller: fixture.admin) else {
            Issue.record("stats failed")
            return
        }
        #expect(stats.totalPackets == 3)
        #expect(stats.packetsByStatus == ["created": 1, "claimed": 1, "awaiting_human": 1])
        #expect(stats.packetsLast24h == 3)
        #expect(stats.hitlQueueDepth == 1)
        #expect(stats.avgClaimTimeSeconds != nil)
        #expect(stats.activeWsConnections == 2)

        guard case .ok(let otherStats) = try await fixture.service.getStats(.init(), caller: other) else {
            Issue.record("stats failed")
            return
        }
        #expect(otherStats.totalPackets == 1 && otherStats.hitlQueueDepth == 0 && otherStats.activeWsConnections == 0)

        guard case .ok(let health) = try await fixture.service.getSystemHealth(.init(), caller: fixture.admin) else {
            Issue.record("system health failed")
            return
        }
        #expect(health.totalPackets == 4)
        #expect(health.packetsByStatus["created"] == 2)
        #expect(health.packetsCreatedLast1h == 4)
        #expect(health.packetsWaiting == 2)
        #expect((health.oldestWaitingPacketAgeSeconds ?? -1) >= 0)
        #expect(health.claimedNotCompleted == 1)
        #expect(health.totalAgentsSeen >= 3)
        #expect(!health.topAgents.isEmpty)
        #expect(health.totalWebhooks == 1)
        #expect(health.activeApiKeys == 2)
        #expect(health.requestsLast1hPerKey == ["key-a": 12])
        #expect((health.dbSizeBytes ?? 0) > 0)
    }

    @Test("health, metrics and the spec come from the probes")
    func probes() async throws {
        let fixture = try await ServiceFixture.make(probes: SystemProbes(
            metricsText: { "# TYPE handoffrail_requests_total counter\n" },
            openAPIDocument: { "openapi: 3.1.0\n" }
        ))
        #expect(try await fixture.service.getHealth(.init()) == .ok(HealthStatus(status: "ok", service: "handoffrail")))
        #expect(try await fixture.service.getMetrics(.init()) == .ok("# TYPE handoffrail_requests_total counter\n"))
        #expect(try await fixture.service.getOpenAPISpec(.init()) == .ok("openapi: 3.1.0\n"))
    }

    @Test("readiness: ready with the database, 503 not_ready without it")
    func readiness() async throws {
        let fixture = try await ServiceFixture.make()
        #expect(try await fixture.service.getReadiness(.init()) == .ok(ReadinessStatus(status: "ready", service: "handoffrail", db: true)))
        try fixture.store.close()
        let down = try await fixture.service.getReadiness(.init())
        #expect(down == .serviceUnavailable(ReadinessStatus(status: "not_ready", service: "handoffrail", db: false)))
        #expect(down.statusCode == 503)
    }
}
