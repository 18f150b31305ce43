import Foundation
import HandoffRailModels
import HandoffRailService
import HandoffRailStorage
import Testing

@Suite("webhook operations")
struct HookOperationsTests {
    private static let secret = "s3cret-s3cret-s3cret"
    /// A literal public address: no DNS needed.
    private static let publicURL = "https://93.184.216.34/hooks/handoffrail"

    private func createdHook(_ output: Operations.CreateHook.Output) throws -> Webhook {
        guard case .created(let hook) = output else { throw UnexpectedOutput(output) }
        return hook
    }

    private func listedHooks(_ output: Operations.ListHooks.Output) throws -> [Webhook] {
        guard case .ok(let hooks) = output else { throw UnexpectedOutput(output) }
        return hooks
    }

    @Test("create answers the hook without its secret; list includes inactive hooks; delete 204 then 409")
    func lifecycle() async throws {
        let fixture = try await ServiceFixture.make()
        let writer = try await fixture.addTenant(tier: .pro, role: .writer)
        let hook = try createdHook(try await fixture.service.createHook(
            .init(body: .init(url: Self.publicURL, events: [.packetCreated, .packetCompleted, .packetCreated], secret: Self.secret)),
            caller: writer
        ))
        #expect(hook.url == Self.publicURL)
        #expect(hook.events == [.packetCreated, .packetCompleted])
        #expect(hook.tenantId == writer.tenantID)
        #expect(hook.active)
        let wire = try #require(String(data: try HandoffRailJSON.encode(hook), encoding: .utf8))
        #expect(!wire.contains(Self.secret))
        #expect(!wire.contains("secret"))
        #expect(try await fixture.store.hook(id: hook.id, tenantID: writer.tenantID)?.secret == Self.secret)

        #expect(try await fixture.service.deleteHook(.init(hookId: hook.id), caller: writer) == .noContent)
        let again = try await expectServiceError(409) { try await fixture.service.deleteHook(.init(hookId: hook.id), caller: writer) }
        #expect(!again.detail.contains(Self.secret))
        let hooks = try listedHooks(try await fixture.service.listHooks(.init(), caller: writer))
        #expect(hooks.map(\.id) == [hook.id])
        #expect(hooks.first?.active == false)
    }

    @Test("the default events are the four of the spec")
    func defaultEvents() async throws {
        let fixture = try await ServiceFixture.make()
        let hook = try createdHook(try await fixture.service.createHook(
            .init(body: .init(url: Self.publicURL, secret: Self.secret)), caller: fixture.admin
        ))
        #expect(hook.events == [.packetCreated, .packetClaimed, .packetCompleted, .packetFailed])
    }

    @Test("another tenant's hook is 404 for delete and deliveries and absent from the list")
    func tenantScoping() async throws {
        let fixture = try await ServiceFixture.make()
        let hook = try createdHook(try await fixture.service.createHook(
            .init(body: .init(url: Self.publicURL, secret: Self.secret)), caller: fixture.admin
        ))
        let other = try await fixture.addTenant(tier: .business, role: .writer)
        try await expectServiceError(404) { try await fixture.service.deleteHook(.init(hookId: hook.id), caller: other) }
        try await expectServiceError(404) { try await fixture.service.listHookDeliveries(.init(hookId: hook.id), caller: other) }
        try await expectServiceError(404) { try await fixture.service.deleteHook(.init(hookId: UUID()), caller: fixture.admin) }
        #expect(try listedHooks(try await fixture.service.listHooks(.init(), caller: other)).isEmpty)
        #expect(try await fixture.service.listHookDeliveries(.init(hookId: hook.id), caller: fixture.admin) == .ok([]))
    }

    @Test("blocked targets are 422 mentioning blocked and store nothing", arguments: [
        "http://127.0.0.1:9000/x", "http://localhost/", "http://169.254.169.254/", "http://[::1]/", "http://10.0.0.5/",
    ])
    func blockedTargets(url: String) async throws {
        let fixture = try await ServiceFixture.make()
        let error = try await expectServiceError(422) {
            try await fixture.service.createHook(.init(body: .init(url: url, secret: Self.secret)), caller: fixture.admin)
        }
        #expect(error.detail.contains("blocked"))
        #expect(!error.detail.contains(Self.secret))
        #expect(try await fixture.store.hooks(tenantID: fixture.admin.tenantID).isEmpty)
    }

    @Test("allowPrivateWebhookTargets lets a local receiver register")
    func privateTargetsAllowed() async throws {
        let fixture = try await ServiceFixture.make(configuration: ServiceConfiguration(allowPrivateWebhookTargets: true))
        _ = try createdHook(try await fixture.service.createHook(
            .init(body: .init(url: "http://127.0.0.1:8081/receiver", secret: Self.secret)), caller: fixture.admin
        ))
    }

    @Test("an empty event list is 422")
    func emptyEvents() async throws {
        let fixture = try await ServiceFixture.make()
        try await expectServiceError(422) {
            try await fixture.service.createHook(.init(body: .init(url: Self.publicURL, events: [], secret: Self.secret)), caller: fixture.admin)
        }
    }

    @Test("tier limits: free has no webhooks, pro five active ones")
    func tierLimits() async throws {
        let fixture = try await ServiceFixture.make()
        let free = try await fixture.addTenant(tier: .free, role: .writer)
        let freeError = try await expectServiceError(403) {
            try await fixture.service.createHook(.init(body: .init(url: Self.publicURL, secret: Self.secret)), caller: free)
        }
        #expect(freeError.code == "quota_exceeded")
        #expect(freeError.detail.contains("free"))

        let pro = try await fixture.addTenant(tier: .pro, role: .writer)
        var hooks: [Webhook] = []
        for _ in 0..<5 {
            hooks.append(try createdHook(try await fixture.service.createHook(.init(body: .init(url: Self.publicURL, secret: Self.secret)), caller: pro)))
        }
        try await expectServiceError(403) {
            try await fixture.service.createHook(.init(body: .init(url: Self.publicURL, secret: Self.secret)), caller: pro)
        }
        _ = try await fixture.service.deleteHook(.init(hookId: hooks[0].id), caller: pro)
        _ = try createdHook(try await fixture.service.createHook(.init(body: .init(url: Self.publicURL, secret: Self.secret)), caller: pro))
    }

    @Test("deliveries list the attempts of the caller's hook, filtered by status")
    func deliveries() async throws {
        let fixture = try await ServiceFixture.make()
        let hook = try createdHook(try await fixture.service.createHook(
            .init(body: .init(url: Self.publicURL, events: [.packetCreated], secret: Self.secret)), caller: fixture.admin
        ))
        let create = PacketCreate(
            metadata: Metadata(sourceAgent: AgentInfo(id: "planner", name: "Planner"), targetAgent: TargetAgentInfo(id: "coder", name: "Coder")),
            context: PacketContext(summary: "deliver me")
        )
        guard case .created(let packet) = try await fixture.service.createPacket(.init(body: create), caller: fixture.admin) else {
            Issue.record("packet creation failed")
            return
        }
        guard case .ok(let deliveries) = try await fixture.service.listHookDeliveries(.init(hookId: hook.id), caller: fixture.admin) else {
            Issue.record("deliveries failed")
            return
        }
        #expect(deliveries.count == 1)
        #expect(deliveries.first?.webhookId == hook.id)
        #expect(deliveries.first?.eventType == .packetCreated)
        #expect(deliveries.first?.packetId == packet.id)
        #expect(deliveries.first?.status == .pending)
        #expect(try await fixture.service.listHookDeliveries(.init(hookId: hook.id, status: .delivered), caller: fixture.admin) == .ok([]))
        #expect(try await fixture.service.listHookDeliveries(.init(hookId: hook.id, limit: 1, offset: 1), caller: fixture.admin) == .ok([]))
    }

    @Test("dead-letter queue: empty list, unknown replay 404, retry-all counts 0")
    func deadLetterQueue() async throws {
        let fixture = try await ServiceFixture.make()
        #expect(try await fixture.service.listDeadLetters(.init(), caller: fixture.admin) == .ok([]))
        let error = try await expectServiceError(404) {
            try await fixture.service.replayDeadLetter(.init(deliveryId: UUID()), caller: fixture.admin)
        }
        #expect(error.detail.contains("not found"))
        #expect(try await fixture.service.retryAllDeadLetters(.init(), caller: fixture.admin) == .ok(RetryAllResult(retried: 0)))
    }
}
