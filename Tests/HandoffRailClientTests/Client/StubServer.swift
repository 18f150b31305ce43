import Foundation
import HandoffRailClient
import HandoffRailTestSupport
import HTTPTypes
import Hummingbird

/// A tiny real HTTP server for behaviour the HandoffRail server does not produce on demand
/// (503s, 500s, slow answers): each request is recorded and answered by `respond`.
struct StubServer: Sendable {
    /// What the stub saw of one request.
    struct Seen: Sendable {
        var method: String
        var path: String
        /// Header values by lowercased name.
        var headers: [String: String]
    }

    let log = StubLog()
    let respond: @Sendable (_ attempt: Int, _ request: Request) async throws -> Response

    /// Runs the stub on 127.0.0.1 (a free port) while `body` runs with its URL.
    func run<Value: Sendable>(_ body: @Sendable (URL) async throws -> Value) async throws -> Value {
        let router = Router()
        let log = self.log
        let respond = self.respond
        router.on("**", method: .get) { request, _ in try await respond(await log.record(request), request) }
        router.on("**", method: .post) { request, _ in try await respond(await log.record(request), request) }
        router.on("**", method: .patch) { request, _ in try await respond(await log.record(request), request) }
        router.on("**", method: .delete) { request, _ in try await respond(await log.record(request), request) }
        return try await EphemeralServer.run(router: router, loggerLabel: "stub-server", body)
    }

    /// A JSON response.
    static func json(_ text: String, status: HTTPResponse.Status, headers: [String: String] = [:]) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        for (name, value) in headers { fields[HTTPField.Name(name)!] = value }
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The packet JSON of the test bundle (a claimed packet).
    static let packetJSON: String = {
        let url = Bundle.module.url(forResource: "packet", withExtension: "json")!
        return try! String(contentsOf: url, encoding: .utf8)
    }()
}

/// The requests a stub received, in order.
actor StubLog {
    private(set) var seen: [StubServer.Seen] = []

    /// Records `request` and returns its 1-based number.
    func record(_ request: Request) -> Int {
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
        seen.append(StubServer.Seen(method: request.method.rawValue, path: request.uri.path, headers: headers))
        return seen.count
    }
}

/// A sleeper that records the delays it is asked for and returns at once.
actor DelayRecorder {
    private(set) var delays: [TimeInterval] = []
    func record(_ seconds: TimeInterval) { delays.append(seconds) }
    nonisolated var sleeper: RetrySleeper { RetrySleeper { seconds in await self.record(seconds) } }
}
