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

    static func application(caller: APICaller? = caller, api: RecordingAPI = RecordingAPI()) -> some ApplicationProtocol {
        let router = Router(context: HandoffRailRequestContext.self)
        router.middlewares.add(ProblemMiddleware())
        router.middlewares.add(FixedCallerMiddleware(caller: caller))
        GeneratedRoutes<RecordingAPI, HandoffRailRequestContext>(api: api).register(on: router)
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

    @Test("path parameters are percent-decoded and query values form-decoded, as FastAPI does")
    func decoding() async throws {
        let api = RecordingAPI()
        try await Self.application(api: api).test(.router) { client in
            try await client.execute(uri: "/api/v1/tenants/acme%20corp", method: .get) { response in
                #expect(response.status == .notImplemented)
            }
            try await client.execute(uri: "/api/v1/packets/search?q=refund+request%2B&status=created", method: .get) { response in
                #expect(response.status == .notImplemented)
            }
        }
        #expect(await api.recorder.tenantIDs == ["acme corp"])
        let search = try #require(await api.recorder.searches.first)
        #expect(search.q == "refund request+")
        #expect(search.status == "created")
        #expect(search.limit == 50, "the spec default applies when the parameter is absent")
    }

    @Test("an error with an impossible status becomes a 500, never a crash")
    func impossibleStatus() async throws {
        let response = ResponseWriter.empty(status: 1_000)
        #expect(response.status == .internalServerError)
    }
}
