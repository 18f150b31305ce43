import Foundation
import HandoffRailTestSupport
import Hummingbird
import Synchronization

/// A webhook receiver on 127.0.0.1 (port 0) for the crash test: while ``healthy`` is false it
/// answers slowly and with 503 (so deliveries are in flight and pending when the server is
/// killed); once healthy it answers 200 at once. It remembers every request.
final class CrashTestReceiver: Sendable {
    struct Request: Sendable {
        var headers: [String: String]
        var body: Data
        var status: Int
    }

    private let state = Mutex<(healthy: Bool, requests: [Request])>((false, []))

    /// Whether deliveries now succeed.
    var healthy: Bool {
        get { state.withLock { $0.healthy } }
        set { state.withLock { $0.healthy = newValue } }
    }

    var requests: [Request] { state.withLock { $0.requests } }

    /// Delivery ids (`X-HR-Delivery`) answered with 200.
    var deliveredIDs: Set<String> {
        Set(requests.filter { $0.status == 200 }.compactMap { $0.headers["X-HR-Delivery"] })
    }

    /// Runs the receiver around `body`, which gets its hook URL.
    func run<Value: Sendable>(_ body: @Sendable (_ url: String) async throws -> Value) async throws -> Value {
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.rawName] = field.value }
            let buffer = try await request.body.collect(upTo: 4 << 20)
            var status = 200
            if !self.healthy {
                try? await Task.sleep(for: .milliseconds(700))
                status = 503
            }
            self.state.withLock { $0.requests.append(Request(headers: headers, body: Data(buffer.readableBytesView), status: status)) }
            return Response(status: HTTPResponse.Status(code: status))
        }
        return try await EphemeralServer.run(router: router, loggerLabel: "crash-test-receiver") { baseURL in
            try await body("\(baseURL.absoluteString)/hook")
        }
    }
}

struct CrashTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
