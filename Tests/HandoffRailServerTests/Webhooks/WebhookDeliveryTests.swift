import Foundation
import HandoffRailModels
import HandoffRailServer
import HandoffRailService
import HandoffRailWebhooks
import Synchronization
import Testing

/// The dispatcher over real HTTP: AsyncHTTPClient posting to a Hummingbird receiver on
/// 127.0.0.1. Timing assertions are lower bounds only (a loaded machine is slow, never fast).
@Suite("Webhook delivery over HTTP")
struct WebhookDeliveryTests {
    @Test("a delivery carries the event, both signatures and stable ids; Webhook.verify accepts it")
    func signedDelivery() async throws {
        let bench = try await WebhookTestBench()
        try await WebhookReceiver.run { url, log in
            let hookID = try await bench.registerHook(url: url, events: [.packetCreated])
            let dispatcher = WebhookDispatcherService(service: bench.service, configuration: WebhookTestBench.fastDispatch([1]))
            let packet = try await bench.running([dispatcher]) {
                let packet = try await bench.createPacket()
                #expect(await log.wait { $0.count == 1 })
                _ = try await bench.waitForDeliveries(hookID: hookID) { $0.first?.status == .delivered }
                return packet
            }
            let received = try #require(log.all.first)
            #expect(received.headers["Content-Type"] == "application/json")
            #expect(received.eventType == "packet.created")
            // Strict: the timestamped signature, within the default five minutes.
            try Webhook.verify(body: received.body, headers: received.headers, secret: WebhookTestBench.secret)
            // Compatible: the Python-style signature alone, as an old receiver checks it.
            let legacyOnly = ["X-HR-Signature": try #require(received.headers["X-HR-Signature"])]
            try Webhook.verify(body: received.body, headers: legacyOnly, secret: WebhookTestBench.secret, allowLegacySignature: true)
            #expect(received.headers["X-HR-Signature"] == WebhookSignature.legacy(body: received.body, secret: WebhookTestBench.secret))
            let timestamp = try #require(received.headers["X-HR-Timestamp"].flatMap(Int64.init))
            #expect(received.headers["X-HR-Signature-V2"]?.hasPrefix("t=\(timestamp),v1=") == true)
            #expect(throws: WebhookVerificationError.self) {
                try Webhook.verify(body: received.body, headers: received.headers, secret: "another-secret-0123456789")
            }

            let event = try Webhook.verifiedEvent(body: received.body, headers: received.headers, secret: WebhookTestBench.secret)
            #expect(event.type == .packetCreated)
            #expect(event.packetId == packet.id)
            let delivery = try #require(try await bench.deliveries(hookID: hookID).first)
            #expect(received.deliveryID == delivery.id.uuidString.lowercased())
            #expect(delivery.status == .delivered)
            #expect(delivery.attempts == 1)
            #expect(delivery.responseStatus == 200)
            #expect(delivery.deliveredAt != nil)
            #expect(delivery.latencyMs != nil)
        }
    }

    @Test("failed attempts are retried on the (shortened) schedule with the same delivery id")
    func retryTiming() async throws {
        let bench = try await WebhookTestBench()
        try await WebhookReceiver.run(respond: { _, earlier in earlier < 2 ? 503 : 204 }) { url, log in
            let hookID = try await bench.registerHook(url: url)
            let dispatcher = WebhookDispatcherService(service: bench.service, configuration: WebhookTestBench.fastDispatch([0.4, 0.8, 60]))
            try await bench.running([dispatcher]) {
                try await bench.createPacket()
                #expect(await log.wait { $0.count == 3 })
                _ = try await bench.waitForDeliveries(hookID: hookID) { $0.first?.status == .delivered }
            }
            let attempts = log.all
            #expect(attempts.map(\.answeredStatus) == [503, 503, 204])
            #expect(Set(attempts.compactMap(\.deliveryID)).count == 1)
            // Each retry waits at least its delay (the dispatcher may be later, never earlier).
            #expect(attempts[1].receivedAt - attempts[0].receivedAt >= .milliseconds(400))
            #expect(attempts[2].receivedAt - attempts[1].receivedAt >= .milliseconds(800))
            let delivery = try #require(try await bench.deliveries(hookID: hookID).first)
            #expect(delivery.status == .delivered)
            #expect(delivery.attempts == 3)
            // Every attempt is signed anew and verifies.
            for attempt in attempts {
                try Webhook.verify(body: attempt.body, headers: attempt.headers, secret: WebhookTestBench.secret)
            }
        }
    }

    @Test("after the last retry a delivery is a dead letter; a replay delivers it, same id")
    func deadLetterAndReplay() async throws {
        HandoffRailMetrics.bootstrap()
        let bench = try await WebhookTestBench()
        let failing = FlagBox(true)
        try await WebhookReceiver.run(respond: { _, _ in failing.value ? 500 : 200 }) { url, log in
            let hookID = try await bench.registerHook(url: url)
            let dispatcher = WebhookDispatcherService(service: bench.service, configuration: WebhookTestBench.fastDispatch([0.1]))
            try await bench.running([dispatcher]) {
                try await bench.createPacket()
                let dead = try await bench.waitForDeliveries(hookID: hookID) { $0.first?.status == .deadLetter }
                let letter = try #require(dead.first)
                #expect(letter.status == .deadLetter)
                #expect(letter.attempts == 2)
                #expect(letter.responseStatus == 500)
                #expect(letter.error?.contains("500") == true)
                #expect(log.all.count == 2)

                guard case .ok(let letters) = try await bench.service.listDeadLetters(.init(), caller: bench.caller()) else {
                    throw WebhookTestFailure("dlq did not answer 200")
                }
                #expect(letters.map(\.id) == [letter.id])
                #expect(HandoffRailMetrics.exposition().contains("handoffrail_webhook_deliveries_total{status=\"dead_letter\"}"))
                #expect(HandoffRailMetrics.exposition().contains("handoffrail_webhook_dlq_size"))

                failing.value = false
                guard case .ok(let replay) = try await bench.service.replayDeadLetter(.init(deliveryId: letter.id), caller: bench.caller()) else {
                    throw WebhookTestFailure("replay did not answer 200")
                }
                #expect(replay.status == .pending)
                let delivered = try await bench.waitForDeliveries(hookID: hookID) { $0.first?.status == .delivered }
                #expect(delivered.first?.attempts == 1)
                #expect(log.all.count == 3)
                #expect(Set(log.all.compactMap(\.deliveryID)) == [letter.id.uuidString.lowercased()])
                #expect(log.all.last?.answeredStatus == 200)
            }
        }
    }

    @Test("retry-all puts every dead letter back and the dispatcher delivers them")
    func retryAll() async throws {
        let bench = try await WebhookTestBench()
        let failing = FlagBox(true)
        try await WebhookReceiver.run(respond: { _, _ in failing.value ? 503 : 200 }) { url, log in
            let hookID = try await bench.registerHook(url: url)
            let dispatcher = WebhookDispatcherService(service: bench.service, configuration: WebhookTestBench.fastDispatch([]))
            try await bench.running([dispatcher]) {
                for index in 0..<3 { try await bench.createPacket(summary: "Packet \(index)") }
                _ = try await bench.waitForDeliveries(hookID: hookID) { $0.count == 3 && $0.allSatisfy { $0.status == .deadLetter } }
                failing.value = false
                guard case .ok(let result) = try await bench.service.retryAllDeadLetters(.init(), caller: bench.caller()) else {
                    throw WebhookTestFailure("retry-all did not answer 200")
                }
                #expect(result.retried == 3)
                let rows = try await bench.waitForDeliveries(hookID: hookID) { $0.allSatisfy { $0.status == .delivered } }
                #expect(rows.allSatisfy { $0.status == .delivered })
                #expect(log.all.filter { $0.answeredStatus == 200 }.count == 3)
            }
        }
    }

    @Test("a receiver slower than the timeout counts as a failure and is retried")
    func timeoutIsRetried() async throws {
        let bench = try await WebhookTestBench()
        // The first answer takes twice the timeout; the second is immediate, and the 3 s
        // timeout leaves it room on a loaded machine (1 s was once overrun in a full run).
        try await WebhookReceiver.run(respond: { _, earlier in
            if earlier == 0 { try? await Task.sleep(for: .seconds(6)) }
            return 200
        }) { url, log in
            let hookID = try await bench.registerHook(url: url)
            let dispatcher = WebhookDispatcherService(service: bench.service, configuration: WebhookTestBench.fastDispatch([0.2], timeout: 3))
            try await bench.running([dispatcher]) {
                try await bench.createPacket()
                let rows = try await bench.waitForDeliveries(hookID: hookID) { $0.first?.status == .delivered }
                #expect(rows.first?.attempts == 2)
                #expect(rows.first?.status == .delivered)
                // The slow first answer is still recorded by the receiver, after its sleep.
                #expect(await log.wait { $0.count == 2 })
            }
        }
    }
}

/// A Bool shared with a receiver's responder.
final class FlagBox: Sendable {
    private let storage: Mutex<Bool>
    init(_ value: Bool) { storage = Mutex(value) }
    var value: Bool {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
