import Foundation
import HandoffRailAgents
import HandoffRailMCP
import HandoffRailModels
import HandoffRailTestSupport
import Logging
import MCP
import Testing

/// A client that writes its requests and closes its output at once (`printf … | handoffrail
/// mcp`) still gets every answer: the server's `run(transport:)` returns only after answering.
@Suite struct AnsweringTransportTests {
    @Test func everyRequestIsAnsweredBeforeTheServerStops() async throws {
        let server = try await ClientTestServer.make()
        let dispatcher = ToolDispatcher(client: server.inProcessClient(), identity: AgentIdentity(id: "scripted", name: "Scripted"))
        let transport = ScriptedTransport(lines: [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"script","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#,
            #"{"jsonrpc":"2.0","id":"three","method":"tools/call","params":{"name":"handoffrail_list_packets","arguments":{"limit":5}}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"handoffrail_get_packet","arguments":{"packet_id":"00000000-0000-4000-8000-000000000000"}}}"#,
        ])
        try await HandoffRailMCPServer(dispatcher: dispatcher, logger: Logger(label: "handoffrail.mcp.tests")).run(transport: transport)

        let answers = try await transport.sentMessages().map { try JSONValue(parsing: $0) }
        let byID = Dictionary(answers.compactMap { answer in answer["id"].map { ($0, answer) } }, uniquingKeysWith: { first, _ in first })
        #expect(Set(byID.keys) == [1, 2, "three", 4])
        #expect(byID[1]?["result"]?["serverInfo"]?["name"] == .string(HandoffRailMCP.serverName))
        #expect(byID[2]?["result"]?["tools"]?.arrayValue?.count == ToolSpec.generated.count)
        #expect(byID["three"]?["result"]?["isError"] == false)
        #expect(byID["three"]?["result"]?["structuredContent"]?["limit"] == 5)
        #expect(byID[4]?["result"]?["isError"] == true)
    }
}

/// A transport whose input is a fixed list of messages that ends right after them, recording
/// what the server sends.
actor ScriptedTransport: Transport {
    nonisolated let logger = Logger(label: "handoffrail.mcp.tests.scripted")
    private let lines: [String]
    private var sent: [Data] = []

    init(lines: [String]) {
        self.lines = lines
    }

    func connect() async throws {}

    func disconnect() async {}

    func send(_ data: Data) async throws {
        sent.append(data)
    }

    func receive() -> AsyncThrowingStream<Data, any Error> {
        let (stream, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
        for line in lines { continuation.yield(Data(line.utf8)) }
        continuation.finish()
        return stream
    }

    func sentMessages() -> [Data] { sent }
}
