import Foundation
import Testing
import HandoffRailClient
import HandoffRailModels

/// A transport that records requests and answers from a table: it isolates the generated
/// client (request building, response decoding) from any network.
actor ScriptedTransport: HandoffRailTransport {
    private(set) var requests: [TransportRequest] = []
    private let answer: @Sendable (TransportRequest) -> TransportResponse

    init(answer: @escaping @Sendable (TransportRequest) -> TransportResponse) { self.answer = answer }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        requests.append(request)
        return answer(request)
    }
}

@Suite("Generated client")
struct GeneratedClientTests {
    static let packetID = UUID(uuidString: "8D5C1E7A-3B0F-4C2A-9E61-0F4B2C8D9A10")!

    static func json(_ text: String, status: Int) -> TransportResponse {
        TransportResponse(statusCode: status, headers: ["Content-Type": "application/json"], body: Data(text.utf8))
    }

    @Test("the flat call fills the path, sends the body and returns the success body")
    func claimSuccess() async throws {
        let url = try #require(Bundle.module.url(forResource: "packet", withExtension: "json"))
        let packet = try String(contentsOf: url, encoding: .utf8)
        let transport = ScriptedTransport { _ in Self.json(packet, status: 200) }
        let client = HandoffRailAPIClient(transport: transport)
        let claimed: Packet = try await client.claimPacket(packetId: Self.packetID, body: ClaimRequest(agentId: "billing-01", agentName: "Billing"))
        #expect(claimed.status == PacketStatus.claimed)
        let request = try #require(await transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/api/v1/packets/8d5c1e7a-3b0f-4c2a-9e61-0f4b2c8d9a10/claim")
        let body = try JSONValue(parsing: request.body ?? Data())
        #expect(body["agent_id"] == "billing-01")
        #expect(request.operationID == "claimPacket")
    }

    @Test("query parameters are sent only when given, with spec defaults otherwise left to the server")
    func listQuery() async throws {
        let transport = ScriptedTransport { _ in Self.json(#"{"packets": [], "total": 0, "limit": 10, "offset": 0, "next_cursor": null}"#, status: 200) }
        let client = HandoffRailAPIClient(transport: transport)
        let list = try await client.listPackets(status: "created,claimed", targetAgent: "billing-01", limit: 10)
        #expect(list.total == 0)
        let query = try #require(await transport.requests.first).query
        #expect(query.contains(URLQueryItem(name: "status", value: "created,claimed")))
        #expect(query.contains(URLQueryItem(name: "target_agent", value: "billing-01")))
        #expect(query.contains(URLQueryItem(name: "limit", value: "10")))
    }

    @Test("a documented error is thrown with its decoded body")
    func conflictIsTyped() async throws {
        let conflict = #"{"detail": {"message": "Packet is already claimed", "claimed_by": {"id": "a-2", "name": "Other"}}}"#
        let transport = ScriptedTransport { _ in Self.json(conflict, status: 409) }
        let client = HandoffRailAPIClient(transport: transport)
        let error = await #expect(throws: HandoffRailError.self) {
            try await client.claimPacket(packetId: Self.packetID, body: ClaimRequest(agentId: "a", agentName: "A"))
        }
        #expect(error?.statusCode == 409)
        #expect(error?.kind == .conflict)
        #expect(error?.operationID == "claimPacket")
        #expect(error?.claimant?.id == "a-2")
        guard case .claimConflictError(let body)? = error?.body else {
            Issue.record("expected a claim conflict body, got \(String(describing: error?.body))")
            return
        }
        #expect(body.detail.claimedBy.id == "a-2")
    }

    @Test("the full-fidelity call returns every documented response, including 422 details")
    func fullFidelity() async throws {
        let invalid = #"{"detail": [{"type": "missing", "loc": ["body", "agent_id"], "msg": "Field required", "input": {}}]}"#
        let transport = ScriptedTransport { _ in Self.json(invalid, status: 422) }
        let client = HandoffRailAPIClient(transport: transport)
        let output = try await client.claimPacket(.init(packetId: Self.packetID, body: ClaimRequest(agentId: "", agentName: "")))
        #expect(output.statusCode == 422)
        guard case .unprocessableContent(let body) = output else {
            Issue.record("unexpected \(output)")
            return
        }
        let location: [ValidationError.LocItem]? = body.detail.first?.loc
        #expect(location == [.string("body"), .string("agent_id")])
    }

    @Test("an undocumented status is kept, not a decoding failure")
    func undocumented() async throws {
        let transport = ScriptedTransport { _ in TransportResponse(statusCode: 418, body: Data("teapot".utf8)) }
        let output = try await HandoffRailAPIClient(transport: transport).getHealth(.init())
        #expect(output == .undocumented(statusCode: 418, body: Data("teapot".utf8)))
    }
}
