import Foundation
import HandoffRailModels
import HandoffRailServer
import Hummingbird
import HummingbirdTesting
import Testing

/// Sets a fixed caller, standing in for the authentication middleware of the server issue.
struct FixedCallerMiddleware: RouterMiddleware {
    typealias Context = HandoffRailRequestContext
    let caller: APICaller?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.caller = caller
        return try await next(request, context)
    }
}

/// The generated routes: inputs are validated before any handler runs, every issue reported.
@Suite("Generated routes")
struct GeneratedRoutesTests {
    static let caller = APICaller(tenantID: "default", keyID: "k1", role: .admin, tier: .business)

    static func application(caller: APICaller? = caller) -> some ApplicationProtocol {
        let router = Router(context: HandoffRailRequestContext.self)
        router.middlewares.add(ProblemMiddleware())
        router.middlewares.add(FixedCallerMiddleware(caller: caller))
        GeneratedRoutes<RecordingAPI, HandoffRailRequestContext>(api: RecordingAPI()).register(on: router)
        return Application(router: router)
    }

    static func detail(_ buffer: ByteBuffer) throws -> [JSONValue] {
        try #require(JSONValue(parsing: Data(buffer.readableBytesView))["detail"]?.arrayValue)
    }

    @Test("a bad body is a 422 with every issue, before the handler")
    func invalidBody() async throws {
        try await Self.application().test(.router) { client in
            let body = #"{"metadata": {"source_agent": {"name": "A"}, "target_agent": {"id": "b", "name": "B"}}, "context": {"summary": ""}}"#
            try await client.execute(uri: "/api/v1/packets", method: .post, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .unprocessableContent)
                let issues = try Self.detail(response.body)
                let locations = issues.compactMap { $0["loc"] }
                #expect(locations.contains(["body", "metadata", "source_agent", "id"]))
                #expect(locations.contains(["body", "context", "summary"]))
            }
        }
    }

    @Test("malformed JSON is json_invalid with its byte offset")
    func malformedJSON() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/packets", method: .post, body: ByteBuffer(string: #"{"metadata": "#)) { response in
                #expect(response.status == .unprocessableContent)
                let issue = try #require(Self.detail(response.body).first)
                #expect(issue["type"] == "json_invalid")
                #expect(issue["loc"]?[0] == "body")
            }
        }
    }

    @Test("bad path and query parameters are all reported")
    func invalidParameters() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/packets?limit=500&offset=x", method: .get) { response in
                #expect(response.status == .unprocessableContent)
                let types = try Self.detail(response.body).compactMap { $0["type"]?.stringValue }
                #expect(Set(types) == ["less_than_equal", "int_parsing"])
            }
            try await client.execute(uri: "/api/v1/packets/not-a-uuid", method: .get) { response in
                let issue = try #require(Self.detail(response.body).first)
                #expect(issue["type"] == "uuid_parsing")
                #expect(issue["loc"] == ["path", "packet_id"])
            }
        }
    }

    @Test("a valid request reaches the API with typed input and its output is encoded")
    func reachesHandler() async throws {
        try await Self.application().test(.router) { client in
            let id = UUID()
            try await client.execute(uri: "/api/v1/packets/\(id.uuidString)/history", method: .get) { response in
                #expect(response.status == .ok)
                let body = try JSONValue(parsing: Data(response.body.readableBytesView))
                #expect(body["packet_id"] == .string(id.uuidString.lowercased()))
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("an authenticated route without a caller is 401 in the protocol's shape")
    func unauthenticated() async throws {
        try await Self.application(caller: nil).test(.router) { client in
            try await client.execute(uri: "/api/v1/packets/\(UUID())/history", method: .get) { response in
                #expect(response.status == .unauthorized)
                let body = try JSONValue(parsing: Data(response.body.readableBytesView))
                #expect(body["detail"] != nil)
            }
        }
    }
}
