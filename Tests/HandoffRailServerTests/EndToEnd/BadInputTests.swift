import Foundation
import HandoffRailModels
import HTTPTypes
import Testing

/// Hostile and broken requests: each gets a clear 4xx in the protocol's error shape, the
/// server stays up, and nothing is stored.
@Suite("Bad input over HTTP")
struct BadInputTests {
    /// Bodies that must be refused by `POST /api/v1/packets`, with the status expected.
    static let badBodies: [(name: String, body: [UInt8], status: Int)] = [
        ("malformed JSON", Array(#"{"metadata": {"source_agent": "#.utf8), 422),
        ("trailing garbage", Array(#"{"context": {}} xyz"#.utf8), 422),
        ("not an object", Array("[1, 2, 3]".utf8), 422),
        ("wrong types", Array(#"{"metadata": 42, "context": {"summary": ["x"]}}"#.utf8), 422),
        ("unknown enum value", Array(LiveServer.samplePacket(extra: ["metadata": ["source_agent": ["id": "a", "name": "A"], "target_agent": ["id": "b", "name": "B"], "priority": "urgent"]]).serialized()), 422),
        ("unknown role in conversation", Array(LiveServer.samplePacket(extra: ["context": ["summary": "x", "conversation_state": [["role": "robot", "content": "hi"]]]]).serialized()), 422),
        ("deeply nested (10,000 levels)", Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8), 422),
        ("deeply nested inside custom", Array(("{\"context\": {\"summary\": \"x\", \"custom\": " + String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000) + "}}").utf8), 422),
        ("invalid UTF-8", [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D], 422),
        ("lone surrogate escape", Array(#"{"context": {"summary": "\ud800"}}"#.utf8), 422),
        ("empty body", [], 422),
        ("huge number", Array(#"{"metadata": {"priority": 1e999999}}"#.utf8), 422),
    ]

    @Test("malformed, mistyped, deep, non-UTF-8 bodies: 4xx, nothing stored, server up")
    func badBodies() async throws {
        try await LiveServer.run { server in
            for (name, body, status) in Self.badBodies {
                let response = try await server.request(.post, "/api/v1/packets", rawBody: body)
                #expect(response.status == status, "\(name): \(response.status) \(response.text.prefix(200))")
                #expect(response.json?["detail"] != nil, "\(name): error shape")
            }
            try await Self.expectNothingStored(server)
        }
    }

    @Test("an oversized body is 413 with the tier before anything is stored")
    func oversized() async throws {
        try await LiveServer.run { server in
            let huge = LiveServer.samplePacket(summary: String(repeating: "x", count: 1_100_000))
            let response = try await server.request(.post, "/api/v1/packets", json: huge)
            #expect(response.status == 413)
            #expect(response.json?["tier"] == "business")
            #expect(response.detail != nil)
            try await Self.expectNothingStored(server)
        }
    }

    @Test("bad UUIDs in paths are 422; huge or negative limits are 422")
    func badParameters() async throws {
        try await LiveServer.run { server in
            for path in ["/api/v1/packets/not-a-uuid", "/api/v1/packets/123/history", "/api/v1/packets/%27%20OR%201=1--", "/api/v1/schemas/xyz", "/api/v1/keys/1/rotate"] {
                let method: HTTPRequest.Method = path.hasSuffix("rotate") ? .post : .get
                let response = try await server.request(method, path)
                #expect(response.status == 422, "\(path): \(response.status) \(response.text)")
                #expect(response.json?["detail"]?.arrayValue?.first?["loc"] != nil)
            }
            for query in ["limit=99999999999999999999999", "limit=-1", "limit=0", "limit=201", "offset=-5", "limit=abc", "hitl_required=maybe", "created_after=yesterday", "priority=urgent"] {
                let response = try await server.request(.get, "/api/v1/packets?\(query)")
                #expect(response.status == 422, "\(query): \(response.status)")
            }
            try await Self.expectNothingStored(server)
        }
    }

    @Test("SQL and FTS metacharacters in every filter never break a query")
    func metacharacters() async throws {
        try await LiveServer.run { server in
            _ = try await server.createPacket()
            let nasty = ["'", "\"", "' OR '1'='1", "'; DROP TABLE packets; --", "%", "_", "\\", "*", "NEAR(a b)", "a OR b", "x:y", "^", "(", ")", "\u{0}"]
            for value in nasty {
                let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
                for parameter in ["source_agent", "target_agent", "tags", "status"] {
                    let response = try await server.request(.get, "/api/v1/packets?\(parameter)=\(encoded)")
                    #expect([200, 422].contains(response.status), "\(parameter)=\(value): \(response.status)")
                    if response.status == 200 { #expect(response.json?["total"] == 0) }
                }
                let search = try await server.request(.get, "/api/v1/packets/search?q=\(encoded)\(encoded)")
                #expect([200, 422].contains(search.status), "q=\(value): \(search.status) \(search.text)")
                let audit = try await server.request(.get, "/api/v1/audit?actor=\(encoded)&action=\(encoded)")
                #expect(audit.status == 200, "audit \(value): \(audit.status)")
                #expect(audit.json?["total"] == 0)
            }
            let list = try await server.request(.get, "/api/v1/packets")
            #expect(list.json?["total"] == 1)
            #expect(try await server.request(.get, "/health").status == 200)
        }
    }

    static func expectNothingStored(_ server: LiveServer) async throws {
        let list = try await server.request(.get, "/api/v1/packets")
        #expect(list.status == 200)
        #expect(list.json?["total"] == 0)
        #expect(try await server.request(.get, "/health").status == 200)
    }
}
