import Foundation
import HandoffRailModels
import HandoffRailServer
import HandoffRailService
import HandoffRailStorage
import HandoffRailWebhooks
import Synchronization
import Testing

@Suite("Webhook SSRF rules and expiry events over HTTP")
struct WebhookSafetyAndExpiryTests {
    @Test("registration refuses loopback and metadata targets unless private targets are allowed", arguments: [
        "http://127.0.0.1:9/hook", "http://localhost:9/hook", "http://[::1]:9/hook", "http://169.254.169.254/latest",
    ])
    func registrationRefused(url: String) async throws {
        let bench = try await WebhookTestBench(allowPrivateTargets: false)
        do {
            _ = try await bench.registerHook(url: url)
            Issue.record("\(url) was registered")
        } catch let error as ServiceError {
            #expect(error.statusCode == 422)
            #expect(error.detail.contains("blocked"))
        }
    }

    @Test("a target that turned private after registration is refused at delivery time, nothing is sent")
    func deliveryRefused() async throws {
        let bench = try await WebhookTestBench(allowPrivateTargets: false)
        try await WebhookReceiver.run { url, log in
            // As if the hook's name had resolved publicly at registration and now points at
            // loopback (DNS rebinding): the row is written straight to the store.
            let hook = StoredWebhook(
                id: UUID(), tenantID: bench.tenantID, url: url, events: [.packetCreated], secret: WebhookTestBench.secret, createdAt: Date())
            #expect(try await bench.store.insertHook(hook, maximumActiveHooks: nil))
            let dispatcher = WebhookDispatcherService(service: bench.service, configuration: WebhookTestBench.fastDispatch([]))
            try await bench.running([dispatcher]) {
                try await bench.createPacket()
                let rows = try await bench.waitForDeliveries(hookID: hook.id) { $0.first?.status == .deadLetter }
                let letter = try #require(rows.first)
                #expect(letter.status == .deadLetter)
                #expect(letter.error?.contains("blocked") == true)
                #expect(letter.error?.contains("loopback") == true)
                #expect(letter.responseStatus == nil)
            }
            #expect(log.all.isEmpty)
        }
    }

    @Test("the sweeper's HITL expiry reaches the receiver as packet.expired; respond is then 410")
    func hitlExpiryWebhook() async throws {
        let offset = ClockOffset()
        let bench = try await WebhookTestBench(clock: ServiceClock { Date().addingTimeInterval(offset.seconds) })
        try await WebhookReceiver.run { url, log in
            let hookID = try await bench.registerHook(url: url, events: [.packetExpired])
            let dispatcher = WebhookDispatcherService(service: bench.service, configuration: WebhookTestBench.fastDispatch([0.2]))
            let sweeper = ExpirySweeperService(service: bench.service, configuration: ExpirySweeperConfiguration(interval: 0.1))
            try await bench.running([dispatcher, sweeper]) {
                let packet = try await bench.createPacket(hitl: HitlCheckpoint(reason: "Approve the refund", timeoutSeconds: 30))
                #expect(packet.status == .awaitingHuman)
                offset.seconds = 31
                #expect(await log.wait { $0.count == 1 })
                let received = try #require(log.all.first)
                #expect(received.eventType == "packet.expired")
                let event = try Webhook.verifiedEvent(
                    body: received.body, headers: received.headers, secret: WebhookTestBench.secret,
                    now: Date().addingTimeInterval(offset.seconds))
                #expect(event.packetId == packet.id)
                #expect(event.data["reason"] == .string("hitl_timeout"))
                #expect(event.data["status"] == .string("expired"))
                _ = try await bench.waitForDeliveries(hookID: hookID) { $0.first?.status == .delivered }

                do {
                    _ = try await bench.service.respondToPacket(
                        .init(packetId: packet.id, body: RespondRequest(response: "yes", respondedBy: "alice")), caller: bench.caller(.agent))
                    Issue.record("respond after the HITL expiry succeeded")
                } catch let error as ServiceError {
                    #expect(error.statusCode == 410)
                }
            }
        }
    }
}

/// Seconds added to the real clock, moved by the test.
final class ClockOffset: Sendable {
    private let storage = Mutex<TimeInterval>(0)
    var seconds: TimeInterval {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
