import Foundation
import HandoffRailTestSupport
import Hummingbird
import Synchronization

/// One request the test receiver got, and what it answered.
struct ReceivedWebhook: Sendable {
    var headers: [String: String]
    var body: Data
    var receivedAt: ContinuousClock.Instant
    var answeredStatus: Int

    var deliveryID: String? { headers["X-HR-Delivery"] }
    var eventType: String? { headers["X-HR-Event"] }
}

/// Everything the receiver got, in arrival order.
final class WebhookReceiverLog: Sendable {
    private let requests = Mutex<[ReceivedWebhook]>([])
    private let arrivals = Mutex<[String: Int]>([:])

    var all: [ReceivedWebhook] { requests.withLock { $0 } }

    func record(_ request: ReceivedWebhook) {
        requests.withLock { $0.append(request) }
    }

    /// Counts a request for `deliveryID` on arrival (before it is answered); returns how many
    /// came before it.
    func arrive(deliveryID: String?) -> Int {
        arrivals.withLock { counts in
            let earlier = counts[deliveryID ?? "", default: 0]
            counts[deliveryID ?? ""] = earlier + 1
            return earlier
        }
    }

    /// Waits (polling) until `condition` holds for the log, at most `timeout`; returns whether it did.
    @discardableResult
    func wait(timeout: Duration = .seconds(30), until condition: ([ReceivedWebhook]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(all) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition(all)
    }
}

/// A Hummingbird app on 127.0.0.1 (port 0) that records every `POST /hook` and answers with
/// the status `respond` picks (which may also take its time, to play a slow receiver).
///
/// ```swift
/// try await WebhookReceiver.run(respond: { _, attempt in attempt < 2 ? 503 : 200 }) { url, log in … }
/// ```
enum WebhookReceiver {
    /// `respond(request, earlierAttemptsOfTheSameDelivery)` → HTTP status.
    typealias Responder = @Sendable (_ headers: [String: String], _ earlierAttempts: Int) async -> Int

    static func run<Value: Sendable>(
        respond: @escaping Responder = { _, _ in 200 },
        _ body: @Sendable (_ url: String, _ log: WebhookReceiverLog) async throws -> Value
    ) async throws -> Value {
        let log = WebhookReceiverLog()
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.rawName] = field.value }
            let buffer = try await request.body.collect(upTo: 4 << 20)
            let earlier = log.arrive(deliveryID: headers["X-HR-Delivery"])
            let status = await respond(headers, earlier)
            log.record(ReceivedWebhook(headers: headers, body: Data(buffer.readableBytesView), receivedAt: .now, answeredStatus: status))
            return Response(status: HTTPResponse.Status(code: status))
        }
        return try await EphemeralServer.run(router: router, loggerLabel: "webhook-test-receiver") { baseURL in
            try await body("\(baseURL.absoluteString)/hook", log)
        }
    }
}

struct WebhookTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
