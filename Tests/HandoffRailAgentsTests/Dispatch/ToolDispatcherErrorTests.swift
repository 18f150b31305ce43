import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import HandoffRailTestSupport
import Testing

/// What a model reads when a call goes wrong: unknown tools, bad arguments, the API's own
/// validation message, and identity values it tried to choose.
@Suite("ToolDispatcher: errors and identity")
struct ToolDispatcherErrorTests {
    /// A dispatcher whose calls would fail loudly if they reached a server: for checks that
    /// must be decided before sending.
    private static func offlineDispatcher() -> ToolDispatcher {
        let client = HandoffRailClient(
            transport: RefusingTransport(), apiKey: "hr_should_never_be_seen_0123456789", sleeper: RetrySleeper { _ in })
        return ToolDispatcher(client: client, identity: DispatchFixtures.triage)
    }

    @Test("an unknown tool is .unknownTool and lists the available tools")
    func unknownTool() async throws {
        let error = await #expect(throws: ToolCallError.self) {
            try await Self.offlineDispatcher().call("handoffrail_delete_everything", arguments: [:])
        }
        #expect(error?.kind == .unknownTool)
        #expect(error?.toolName == "handoffrail_delete_everything")
        #expect(error?.message.contains("handoffrail_claim_packet") == true)
        #expect(error?.apiError == nil)
    }

    @Test("arguments that are not an object are .invalidArguments", arguments: [JSONValue.array(["x"]), .integer(5), .string("packet 5"), .bool(true)])
    func notAnObject(_ arguments: JSONValue) async throws {
        let error = await #expect(throws: ToolCallError.self) {
            try await Self.offlineDispatcher().call("handoffrail_get_packet", arguments: arguments)
        }
        #expect(error?.kind == .invalidArguments)
        #expect(error?.message.contains("must be a JSON object") == true)
    }

    @Test("unknown arguments are named, with the accepted ones")
    func unknownArguments() async throws {
        let error = await #expect(throws: ToolCallError.self) {
            try await Self.offlineDispatcher().call("handoffrail_get_packet", arguments: ["packet_id": "5f0c2b1e-0000-4000-8000-00000000000a", "force": true, "verbose": 1])
        }
        #expect(error?.kind == .invalidArguments)
        #expect(error?.message == "Unknown arguments 'force', 'verbose'; handoffrail_get_packet accepts: packet_id.")
    }

    @Test("missing or null required arguments are named")
    func missingRequired() async throws {
        let missing = await #expect(throws: ToolCallError.self) {
            try await Self.offlineDispatcher().call("handoffrail_respond_to_packet", arguments: ["notes": "n/a"])
        }
        #expect(missing?.message == "Missing required arguments 'packet_id', 'response'.")
        let null = await #expect(throws: ToolCallError.self) {
            try await Self.offlineDispatcher().call("handoffrail_claim_packet", arguments: ["packet_id": .null])
        }
        #expect(null?.kind == .invalidArguments)
        #expect(null?.message == "Missing required argument 'packet_id'.")
    }

    @Test("a path argument must be a non-empty scalar")
    func pathArgumentShape() async throws {
        for bad: JSONValue in [["id": "x"], ""] {
            let error = await #expect(throws: ToolCallError.self) {
                try await Self.offlineDispatcher().call("handoffrail_get_packet", arguments: ["packet_id": bad])
            }
            #expect(error?.kind == .invalidArguments)
            #expect(error?.message.contains("'packet_id' must be a non-empty string") == true)
        }
    }

    @Test("prepare reports model-supplied identity values it overwrote, and fills them from the adapter")
    func identityOverwriteIsReported() throws {
        let dispatcher = Self.offlineDispatcher()
        let create = try dispatcher.prepare("handoffrail_create_packet", arguments: DispatchFixtures.createArguments(tag: "t"))
        #expect(create.overwrittenIdentityFields == ["body.metadata.source_agent"])
        #expect(create.arguments["metadata"]?["source_agent"] == ["id": "triage-1", "name": "Triage", "framework": "openai-agents", "version": "2.1"])
        // Optional nulls the schema does not admit are gone; the model's target stays.
        #expect(create.arguments["metadata"]?["created_at"] == nil)
        #expect(create.arguments["actions"] == nil)
        #expect(create.arguments["metadata"]?["target_agent"] == ["id": "billing-01", "name": "Billing", "framework": .null])

        let honest = try dispatcher.prepare("handoffrail_claim_packet", arguments: ["packet_id": "5f0c2b1e-0000-4000-8000-00000000000a"])
        #expect(honest.overwrittenIdentityFields.isEmpty)
        let impostor = try dispatcher.prepare("handoffrail_claim_packet", arguments: ["packet_id": "5f0c2b1e-0000-4000-8000-00000000000a", "agent_id": "mallory", "framework": "crewai"])
        #expect(impostor.overwrittenIdentityFields == ["body.agent_id", "body.framework"])
        let body = try JSONValue(parsing: try #require(impostor.request.request.body))
        #expect(body == ["agent_id": "triage-1", "agent_name": "Triage", "framework": "openai-agents"])
        #expect(impostor.request.request.path == "/api/v1/packets/5f0c2b1e-0000-4000-8000-00000000000a/claim")
    }

    @Test("path values are percent-encoded; query lists joined; strings read as numbers")
    func requestShape() throws {
        let dispatcher = Self.offlineDispatcher()
        let get = try dispatcher.prepare("handoffrail_get_packet", arguments: ["packet_id": "5F0C2B1E-0000-4000-8000-00000000000A"])
        #expect(get.request.request.path == "/api/v1/packets/5F0C2B1E-0000-4000-8000-00000000000A")
        #expect(get.request.request.body == nil)
        let list = try dispatcher.prepare("handoffrail_list_packets", arguments: ["status": ["created", "claimed"], "limit": "5", "hitl_required": "false", "offset": 2.0, "cursor": .null])
        #expect(list.request.request.encodedQuery == "hitl_required=false&limit=5&offset=2&status=created,claimed")
        #expect(list.arguments["limit"] == 5)
        #expect(list.arguments["hitl_required"] == false)
        // Arguments as JSON text (what OpenAI sends) are read; null is no arguments.
        let text = try dispatcher.prepare("handoffrail_get_packet", arguments: #"{"packet_id": "5f0c2b1e-0000-4000-8000-00000000000a"}"#)
        #expect(text.request.request.path == "/api/v1/packets/5f0c2b1e-0000-4000-8000-00000000000a")
        let none = try dispatcher.prepare("handoffrail_list_packets", arguments: .null)
        #expect(none.request.request.encodedQuery == nil)
    }

    @Test("a server 422 comes back as .api with every field issue, located by argument", arguments: TransportKind.allCases)
    func validationPassthrough(_ transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        try await server.withClient(transport) { client in
            let dispatcher = ToolDispatcher(client: client, identity: DispatchFixtures.triage)
            var arguments = DispatchFixtures.createArguments(tag: "invalid", summary: "")
            if case .object(var members) = arguments {
                members["decisions"] = [["id": "d1", "decision": "Refund"]]
                arguments = .object(members)
            }
            let error = await #expect(throws: ToolCallError.self) {
                try await dispatcher.call("handoffrail_create_packet", arguments: arguments)
            }
            #expect(error?.kind == .api)
            #expect(error?.apiError?.kind == .validation)
            #expect(error?.apiError?.statusCode == 422)
            let message = try #require(error?.message)
            #expect(message.hasPrefix("HTTP 422 validation: "))
            #expect(message.contains("context.summary: "))
            #expect(message.contains("decisions[0].rationale: "))
            #expect(!message.contains("body."))
            #expect(!message.contains(ClientTestServer.adminKey))
        }
    }

    @Test("API errors name the problem: 404 detail, 401 without the key", arguments: TransportKind.allCases)
    func apiDetailPassthrough(_ transport: TransportKind) async throws {
        let server = try await ClientTestServer.make()
        let missingID = UUID().uuidString.lowercased()
        try await server.withClient(transport) { client in
            let dispatcher = ToolDispatcher(client: client, identity: DispatchFixtures.triage)
            let error = await #expect(throws: ToolCallError.self) {
                try await dispatcher.call("handoffrail_get_packet", arguments: ["packet_id": .string(missingID)])
            }
            #expect(error?.apiError?.kind == .notFound)
            #expect(error?.message.hasPrefix("HTTP 404 notFound: ") == true)
        }
        let wrongKey = "hr_not_a_real_key_abcdef0123456789"
        try await server.withClient(transport, key: wrongKey) { client in
            let dispatcher = ToolDispatcher(client: client, identity: DispatchFixtures.triage)
            let error = await #expect(throws: ToolCallError.self) {
                try await dispatcher.call("handoffrail_list_packets", arguments: [:])
            }
            #expect(error?.apiError?.kind == .authentication)
            #expect(error?.message.hasPrefix("HTTP 401 authentication") == true)
            #expect(error?.description.contains(wrongKey) == false)
            #expect(error?.message.contains(wrongKey) == false)
        }
    }

    @Test("path arguments stay one segment and follow format: uuid", arguments: [".", "..", "a/b", "../hooks", "a\\\\b", "p-9", "not a uuid"])
    func pathArgumentsChecked(_ value: String) throws {
        let error = #expect(throws: ToolCallError.self) {
            try Self.offlineDispatcher().prepare("handoffrail_claim_packet", arguments: ["packet_id": .string(value)])
        }
        #expect(error?.kind == .invalidArguments)
        #expect(error?.message.contains("'packet_id' must be") == true)
    }

    @Test("no server: .api with a connection error, key never shown")
    func unreachable() async throws {
        let error = await #expect(throws: ToolCallError.self) {
            try await Self.offlineDispatcher().call("handoffrail_get_packet", arguments: ["packet_id": "5f0c2b1e-0000-4000-8000-00000000000a"])
        }
        #expect(error?.kind == .api)
        #expect(error?.apiError?.kind == .connection)
        #expect(error?.message.hasPrefix("The HandoffRail server could not be reached") == true)
        #expect(error?.description.contains("hr_should_never") == false)
    }
}

/// A transport that never answers (`URLError.cannotConnectToHost`), so a test fails with a
/// connection error if a call that should be refused earlier is sent.
struct RefusingTransport: HandoffRailTransport {
    func send(_ request: TransportRequest) async throws -> TransportResponse {
        throw URLError(.cannotConnectToHost)
    }
}
