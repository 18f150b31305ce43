import Foundation
import HandoffRailModels
import Hummingbird
import Testing
@testable import HandoffRailClient

/// `waitForHumanResponse` against a scripted server: answers given before the call, while
/// waiting, never (timeout) and impossible (expired).
@Suite("Waiting for a human response")
struct WaitForHumanResponseTests {
    typealias Support = EventTestSupport
    static let key = "hr_wait_test_key_0123456789"

    @Test("an answer given before the call is returned once the subscription is live")
    func answeredBeforeTheCall() async throws {
        let packet = try PacketFixture(state: .answered("Approve the refund"))
        let scripts: [SSEConnectionScript] = [.stream([Support.connectedFrame()], end: .holdOpen)]
        try await SSETestServer.run(scripts: scripts, configure: { packet.route($0) }) { url, log in
            let client = HandoffRailClient(baseURL: url, apiKey: Self.key)
            let answered = try await client.waitForHumanResponse(packetID: packet.id, timeout: .seconds(30), options: Support.fastOptions)
            #expect(answered.hitl?.response == "Approve the refund")
            let request = try #require(await log.requests.first)
            #expect(request.subscribe == ["packet:\(packet.id.uuidString.lowercased())"])
        }
    }

    @Test("an answer given while waiting arrives as hitl.response_ready")
    func answeredWhileWaiting() async throws {
        let packet = try PacketFixture(state: .awaiting)
        let later: @Sendable () async -> [String] = {
            // Only after the client has read the open checkpoint does the human answer.
            await packet.waitForReads(1)
            await packet.set(.answered("Deny"))
            return [Support.eventFrame(id: 12, type: .hitlResponseReady, packetID: packet.id, status: "claimed")]
        }
        let scripts: [SSEConnectionScript] = [.stream([Support.connectedFrame()], later: later, end: .holdOpen)]
        try await SSETestServer.run(scripts: scripts, configure: { packet.route($0) }) { url, _ in
            let client = HandoffRailClient(baseURL: url, apiKey: Self.key)
            let answered = try await client.waitForHumanResponse(packetID: packet.id, timeout: .seconds(30), options: Support.fastOptions)
            #expect(answered.hitl?.response == "Deny")
            #expect(await packet.reads == 2)
        }
    }

    @Test("no answer within the timeout throws .timeout")
    func timesOut() async throws {
        let packet = try PacketFixture(state: .awaiting)
        let scripts: [SSEConnectionScript] = [.stream([Support.connectedFrame()], end: .holdOpen)]
        try await SSETestServer.run(scripts: scripts, configure: { packet.route($0) }) { url, log in
            let client = HandoffRailClient(baseURL: url, apiKey: Self.key)
            let error = await #expect(throws: HandoffRailError.self) {
                try await client.waitForHumanResponse(packetID: packet.id, timeout: .seconds(2), options: Support.fastOptions)
            }
            #expect(error?.kind == .timeout)
            #expect(error?.operationID == "waitForHumanResponse")
            // Giving up closed the event stream's connection. On a loaded machine the
            // timeout can expire before the connection reaches the server (then there is
            // nothing to close); every stream the server did open must be closed.
            for index in await log.openedStreams {
                try await log.waitUntilClosed(index)
            }
        }
    }

    @Test("a packet that expired unanswered throws .notFound")
    func expiredPacket() async throws {
        let packet = try PacketFixture(state: .expired)
        let scripts: [SSEConnectionScript] = [.stream([Support.connectedFrame()], end: .holdOpen)]
        try await SSETestServer.run(scripts: scripts, configure: { packet.route($0) }) { url, _ in
            let client = HandoffRailClient(baseURL: url, apiKey: Self.key)
            let error = await #expect(throws: HandoffRailError.self) {
                try await client.waitForHumanResponse(packetID: packet.id, timeout: .seconds(30), options: Support.fastOptions)
            }
            #expect(error?.kind == .notFound)
        }
    }
}

/// One packet served at `GET /api/v1/packets/{id}`, whose checkpoint the test moves along.
actor PacketFixture {
    enum State: Sendable {
        case awaiting
        case answered(String)
        case expired
    }

    nonisolated let id = UUID()
    private let template: JSONValue
    private var state: State
    private(set) var reads = 0

    init(state: State) throws {
        let url = try #require(Bundle.module.url(forResource: "packet", withExtension: "json"))
        self.template = try JSONValue(parsing: Data(contentsOf: url))
        self.state = state
    }

    func set(_ state: State) { self.state = state }

    /// Returns once the packet has been read `count` times (polling; gives up after 30 s).
    nonisolated func waitForReads(_ count: Int) async {
        _ = try? await EventTestSupport.eventually("\(count) reads") { await self.reads >= count ? true : nil }
    }

    /// The packet's JSON in its current state.
    func read() -> Data {
        reads += 1
        guard case .object(var packet) = template else { return Data() }
        packet["id"] = .string(id.uuidString.lowercased())
        var hitl: [String: JSONValue] = ["required": true, "reason": "Refund above limit", "question": "Approve?"]
        switch state {
        case .awaiting:
            packet["status"] = "awaiting_human"
        case .answered(let response):
            packet["status"] = "claimed"
            hitl["response"] = .string(response)
            hitl["responded_by"] = "ops@example.com"
            hitl["responded_at"] = "2026-11-22T08:05:00Z"
        case .expired:
            packet["status"] = "expired"
        }
        packet["hitl"] = .object(hitl)
        return JSONValue.object(packet).serializedData()
    }

    /// Adds the packet's route to a test router.
    nonisolated func route(_ router: Router<BasicRequestContext>) {
        router.get("/api/v1/packets/:id") { _, _ -> Response in
            let body = await self.read()
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
    }
}
