import Foundation
import HandoffRailModels
@testable import HandoffRailService
import HandoffRailStorage
import HandoffRailStorageSQLite
import HandoffRailWebhooks
import Synchronization
import Testing

/// A sender that records requests and answers from a script (no network).
final class ScriptedSender: WebhookSender {
    enum Answer: Sendable { case status(Int), failure(String) }
    private let state: Mutex<(answers: [Answer], requests: [WebhookRequest])>

    init(_ answers: [Answer]) {
        state = Mutex((answers, []))
    }

    var requests: [WebhookRequest] { state.withLock { $0.requests } }

    func send(_ request: WebhookRequest) async throws -> WebhookResponse {
        let answer = state.withLock { state -> Answer in
            state.requests.append(request)
            return state.answers.isEmpty ? .status(200) : state.answers.removeFirst()
        }
        switch answer {
        case .status(let status): return WebhookResponse(status: status)
        case .failure(let message): throw TestFailure(message)
        }
    }
}

@Suite("Webhook dispatcher (scripted sender, manual clock)")
struct WebhookDispatcherTests {
    static let secret = "whsec-dispatch-0123456789"

    /// A bench with a hook on `url`, one created packet, and a dispatcher using `sender`.
    static func setUp(
        sender: ScriptedSender, offset: TimeOffset, url: String = "http://127.0.0.1:9/hook", allowPrivate: Bool = true,
        schedule: [TimeInterval] = [1, 5]
    ) async throws -> (PacketTestBench, StoredWebhook, WebhookDispatcher) {
        let clock = ServiceClock { Date().addingTimeInterval(offset.seconds) }
        let bench = try await PacketTestBench(clock: clock)
        let hook = StoredWebhook(id: UUID(), tenantID: bench.tenantID, url: url, events: [.packetCreated], secret: secret, createdAt: Date())
        #expect(try await bench.store.insertHook(hook, maximumActiveHooks: nil))
        try await bench.create()
        let dispatcher = WebhookDispatcher(
            store: bench.store, sender: sender,
            policy: WebhookTargetPolicy(allowPrivateTargets: allowPrivate),
            configuration: WebhookDispatcherConfiguration(retrySchedule: WebhookRetrySchedule(delays: schedule), requestTimeout: 3),
            clock: clock)
        return (bench, hook, dispatcher)
    }

    static func delivery(_ bench: PacketTestBench, _ hook: StoredWebhook) async throws -> WebhookDelivery {
        let rows = try await bench.store.deliveries(hookID: hook.id, tenantID: bench.tenantID, status: nil, limit: 10, offset: 0).rows
        return try #require(rows.first)
    }

    @Test("a request carries the event JSON, the headers and signatures Webhook.verify accepts")
    func request() async throws {
        let sender = ScriptedSender([.status(204)])
        let offset = TimeOffset()
        let (bench, hook, dispatcher) = try await Self.setUp(sender: sender, offset: offset)
        #expect(try await dispatcher.dispatchDueDeliveries() == 1)
        let request = try #require(sender.requests.first)
        let delivery = try await Self.delivery(bench, hook)
        #expect(request.url == hook.url)
        #expect(request.timeout == 3)
        #expect(request.header("content-type") == "application/json")
        #expect(request.header("X-HR-Event") == "packet.created")
        #expect(request.header("X-HR-Delivery") == delivery.id.uuidString.lowercased())
        var headers: [String: String] = [:]
        for header in request.headers { headers[header.name] = header.value }
        let event = try Webhook.verifiedEvent(body: request.body, headers: headers, secret: Self.secret)
        #expect(event.type == .packetCreated)
        #expect(delivery.status == .delivered)
        #expect(delivery.responseStatus == 204)
        #expect(try await dispatcher.dispatchDueDeliveries() == 0)
    }

    @Test("failures follow the schedule on the service clock, then dead-letter; errors are recorded")
    func schedule() async throws {
        let sender = ScriptedSender([.status(502), .failure("connection refused"), .status(404)])
        let offset = TimeOffset()
        let (bench, hook, dispatcher) = try await Self.setUp(sender: sender, offset: offset, schedule: [10, 60])
        let start = Date().addingTimeInterval(offset.seconds)

        #expect(try await dispatcher.dispatchDueDeliveries() == 1)
        var delivery = try await Self.delivery(bench, hook)
        #expect(delivery.status == .failed)
        #expect(delivery.attempts == 1)
        #expect(delivery.responseStatus == 502)
        let firstRetry = try #require(delivery.nextRetryAt)
        #expect(firstRetry.timeIntervalSince(start) >= 10)
        #expect(try await dispatcher.dispatchDueDeliveries() == 0)

        offset.seconds = 11
        #expect(try await dispatcher.dispatchDueDeliveries() == 1)
        delivery = try await Self.delivery(bench, hook)
        #expect(delivery.status == .failed)
        #expect(delivery.attempts == 2)
        #expect(delivery.error?.contains("connection refused") == true)
        #expect(try #require(delivery.nextRetryAt).timeIntervalSince(firstRetry) >= 60)

        offset.seconds = 75
        #expect(try await dispatcher.dispatchDueDeliveries() == 1)
        delivery = try await Self.delivery(bench, hook)
        #expect(delivery.status == .deadLetter)
        #expect(delivery.attempts == 3)
        #expect(delivery.nextRetryAt == nil)
        #expect(delivery.responseStatus == 404)
        #expect(Set(sender.requests.compactMap { $0.header("X-HR-Delivery") }).count == 1)
        offset.seconds = 100_000
        #expect(try await dispatcher.dispatchDueDeliveries() == 0)
    }

    @Test("a deactivated hook's queued delivery is dead-lettered without a request")
    func inactiveHook() async throws {
        let sender = ScriptedSender([])
        let (bench, hook, dispatcher) = try await Self.setUp(sender: sender, offset: TimeOffset())
        #expect(try await bench.store.deactivateHook(id: hook.id, tenantID: bench.tenantID))
        #expect(try await dispatcher.dispatchDueDeliveries() == 1)
        let delivery = try await Self.delivery(bench, hook)
        #expect(delivery.status == .deadLetter)
        #expect(delivery.error == "Webhook is inactive")
        #expect(sender.requests.isEmpty)
    }

    @Test("without private targets allowed, a loopback hook is refused before any request")
    func refusedTarget() async throws {
        let sender = ScriptedSender([])
        let (bench, hook, dispatcher) = try await Self.setUp(sender: sender, offset: TimeOffset(), allowPrivate: false, schedule: [])
        #expect(try await dispatcher.dispatchDueDeliveries() == 1)
        let delivery = try await Self.delivery(bench, hook)
        #expect(delivery.status == .deadLetter)
        #expect(delivery.error?.contains("blocked") == true)
        #expect(sender.requests.isEmpty)
    }

    @Test("the run loop delivers what a commit queued, and stops when told")
    func runLoop() async throws {
        let sender = ScriptedSender([])
        let (bench, hook, dispatcher) = try await Self.setUp(sender: sender, offset: TimeOffset())
        let stop = StopSignal()
        async let loop: Void = dispatcher.run(until: stop, commitSignal: bench.service.commitSignal)
        let deadline = ContinuousClock.now + .seconds(30)
        while try await Self.delivery(bench, hook).status != .delivered, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try await Self.delivery(bench, hook).status == .delivered)
        stop.stop()
        await loop
        #expect(stop.isStopped)
    }
}
