import Foundation
import HandoffRailModels
import HandoffRailTestSupport
import HandoffRailServer
import Testing
@testable import HandoffRailClient

/// The builder's verdict is the server's: the same invalid packet, validated locally and
/// POSTed as is to a live server, yields the same issues; a valid one is created unchanged.
@Suite("Packet builder against the server", .serialized)
struct BuilderServerEquivalenceTests {
    /// Invalid packets, each with a different kind of problem (and one with all of them).
    static let invalidPackets: [(String, PacketBuilder)] = {
        let valid = PacketBuilderSectionTests.minimal
        let year10000 = Date(timeIntervalSince1970: 253_402_300_800)
        return [
            ("empty builder", PacketBuilder()),
            ("missing source agent", PacketBuilder().to("billing-01", name: "Billing").summary("s")),
            ("empty summary", valid.summary("")),
            ("undocumented priority", valid.priority(.undocumented("urgent"))),
            ("undocumented role and dependency enums", valid
                .turn(.undocumented("robot"), "beep")
                .dependency(id: "dep1", type: .undocumented("magic"), "x", status: .undocumented("maybe"))),
            ("undocumented action priority", valid.pendingAction(id: "a1", "x", assignee: "b", priority: .undocumented("asap"))),
            ("artifact values that are not string/object/array", valid.artifact("count", 42).artifact("flag", true).artifact("none", nil)),
            ("deadline beyond year 9999", valid.pendingAction(id: "a1", "x", assignee: "b", deadline: year10000)),
            ("everything at once", PacketBuilderDSLTests.fluentFull
                .summary("").priority(.undocumented("urgent")).artifact("n", 1.5)
                .failedAction(id: "f1", "x", error: "y", retriesRemaining: 1)
                .turn(.undocumented("robot"), "beep")),
        ]
    }()

    @Test("every invalid packet gets the server's 422 issues, in the server's order", arguments: TransportKind.allCases)
    func sameIssuesAsServer(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await Self.withRawTransport(transport, server) { send in
            for (name, builder) in Self.invalidPackets {
                let local = try #require(Self.localFailure(builder), "\(name): build() accepted it")
                let response = try await send("/api/v1/packets", try builder.createJSON())
                #expect(response.statusCode == 422, "\(name): server answered \(response.statusCode) \(response.text)")
                #expect(!local.validationIssues.isEmpty, "\(name)")
                #expect(local.validationIssues == (try Self.serverIssues(response)), "\(name)")
            }
        }
    }

    @Test("a chain request's issues are the server's too", arguments: TransportKind.allCases)
    func chainIssuesAsServer(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        let parent = try await server.inProcessClient().createPacket(try PacketBuilderSectionTests.minimal.build())
        try await Self.withRawTransport(transport, server) { send in
            let builder = PacketBuilder().to("payments-01", name: "Payments").summary("").priority(.undocumented("asap"))
            let local = try #require(Self.localFailure(builder, chain: true))
            let response = try await send("/api/v1/packets/\(parent.id.uuidString.lowercased())/chain", try builder.chainJSON())
            #expect(response.statusCode == 422)
            #expect(local.validationIssues == (try Self.serverIssues(response)))
            #expect(local.validationIssues.count >= 3)
        }
    }

    @Test("a valid packet with every section is created as built, and chains", arguments: TransportKind.allCases)
    func validPacketRoundTrips(transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let create = try PacketBuilderDSLTests.fluentFull.build()
            let packet = try await client.createPacket(create)
            #expect(packet.status == .awaitingHuman)
            #expect(packet.metadata.sourceAgent == create.metadata.sourceAgent)
            #expect(packet.metadata.targetAgent == create.metadata.targetAgent)
            // The server stamps metadata.created_at with its own clock (PacketFactory).
            #expect(packet.metadata.createdAt != nil)
            #expect(packet.metadata.priority == .high)
            #expect(packet.metadata.tags == create.metadata.tags)
            #expect(packet.context == create.context)
            #expect(packet.decisions == create.decisions)
            #expect(packet.actions == create.actions)
            #expect(packet.dependencies == create.dependencies)
            #expect(packet.hitl == create.hitl)

            let child = try PacketBuilder()
                .from("billing-01", name: "Billing").to("payments-01", name: "Payments")
                .summary("Refund approved; pay out 42.50 EUR")
                .buildChainRequest()
            let chained = try await client.chain(from: packet.id, child)
            #expect(chained.parentPacketId == packet.id)
            #expect(chained.context.summary == "Refund approved; pay out 42.50 EUR")

            let withParent = try PacketBuilderSectionTests.minimal.parent(packet.id).build()
            #expect(try await client.createPacket(withParent).parentPacketId == packet.id)
        }
    }

    /// A function POSTing JSON as it is (no model in between, so invalid bodies reach the
    /// server) with the admin key, in-process or over a loopback socket.
    typealias RawPost = @Sendable (_ path: String, _ json: JSONValue) async throws -> TransportResponse

    static func withRawTransport(
        _ kind: TransportKind, _ server: ClientTestServer, _ body: @Sendable (RawPost) async throws -> Void
    ) async throws {
        switch kind {
        case .inProcess:
            try await body(rawPost(through: InProcessTransport(responder: server.responder)))
        case .live:
            try await server.withLiveServer { url in
                try await body(rawPost(through: URLSessionTransport(baseURL: url, apiKey: nil)))
            }
        }
    }

    static func rawPost(through transport: any HandoffRailTransport) -> RawPost {
        { path, json in
            try await transport.send(TransportRequest(
                method: "POST", path: path,
                headers: ["Content-Type": "application/json", "X-API-Key": ClientTestServer.adminKey],
                body: json.serializedData(), operationID: "createPacket"))
        }
    }

    /// The issues of a server's 422, read through the SDK's own error type.
    static func serverIssues(_ response: TransportResponse) throws -> [ValidationIssue] {
        let body = try HandoffRailJSON.decode(HTTPValidationError.self, from: response.body)
        return HandoffRailError(kind: .validation, statusCode: response.statusCode, body: .httpValidationError(body)).validationIssues
    }

    /// The validation error of `build()` / `buildChainRequest()`, or nil when it succeeds.
    static func localFailure(_ builder: PacketBuilder, chain: Bool = false) -> HandoffRailError? {
        do {
            if chain { _ = try builder.buildChainRequest() } else { _ = try builder.build() }
            return nil
        } catch {
            return error as? HandoffRailError
        }
    }
}
