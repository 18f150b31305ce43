import Foundation
import HandoffRailClient
import HandoffRailModels
import Testing

/// ``HandoffRailError``'s one-line description and accessors, independent of any server.
@Suite("Client errors: description and accessors")
struct ErrorDescriptionTests {
    static func response(_ status: Int, _ body: String, headers: [String: String] = [:]) -> TransportResponse {
        TransportResponse(statusCode: status, headers: headers, body: Data(body.utf8))
    }

    @Test("a validation error lists every issue with its location on one line")
    func validationLine() throws {
        let body = #"{"detail": [{"type": "missing", "loc": ["body", "metadata", "source_agent", "id"], "msg": "Field required", "input": {}}, {"type": "string_too_short", "loc": ["body", "actions", "pending", 0, "id"], "msg": "String should have at least 1 character", "input": ""}]}"#
        let decoded = try HandoffRailJSON.decode(HTTPValidationError.self, from: Data(body.utf8))
        let error = HandoffRailError(operationID: "createPacket", response: Self.response(422, body, headers: ["X-Request-ID": "req-7"]), body: .httpValidationError(decoded))
        #expect(error.kind == .validation)
        #expect(error.validationIssues.map(\.locationPath) == ["body.metadata.source_agent.id", "body.actions.pending[0].id"])
        #expect(error.description == "validation (HTTP 422) in createPacket: body.metadata.source_agent.id: Field required; body.actions.pending[0].id: String should have at least 1 character [request req-7]")
        #expect(!error.description.contains("\n"))
    }

    @Test("client-side validation issues read like the server's")
    func clientSideValidation() {
        let issue = ValidationIssue(type: "missing", loc: [.key("body"), .key("context"), .key("summary")], msg: "Field required", input: [:])
        let error = HandoffRailError.validation([issue], operationID: "createPacket")
        #expect(error.kind == .validation)
        #expect(error.statusCode == nil)
        #expect(error.validationIssues == [issue])
        #expect(error.description == "validation in createPacket: body.context.summary: Field required")
    }

    @Test("a rate limit names its wait; the status maps to its kind", arguments: [
        (401, HandoffRailError.Kind.authentication), (403, .permission), (404, .notFound), (410, .notFound),
        (400, .validation), (422, .validation), (409, .conflict), (413, .payloadTooLarge), (429, .rateLimited),
        (500, .server), (502, .server), (503, .server), (418, .invalidResponse),
    ])
    func statusKinds(status: Int, kind: HandoffRailError.Kind) {
        #expect(HandoffRailError.Kind(statusCode: status) == kind)
    }

    @Test("Retry-After is read in seconds")
    func retryAfter() {
        let error = HandoffRailError(operationID: "listPackets", response: Self.response(429, "", headers: ["Retry-After": "17"]),
                                     body: .rateLimitError(RateLimitError(detail: .rateLimitExceeded, field: .rateLimit)))
        #expect(error.retryAfter == 17)
        #expect(error.description == "rateLimited (HTTP 429) in listPackets: Rate limit exceeded; retry after 17 s")
    }

    @Test("API keys never appear in a description, even when a transport error mentions one")
    func redaction() {
        let leaky = URLError(.cannotConnectToHost, userInfo: [NSURLErrorFailingURLErrorKey: URL(string: "http://h/events?api_key=hr_live_secret_123&x=1")!])
        let error = HandoffRailError.transport(leaky, operationID: "streamEvents")
        #expect(error.kind == .connection)
        #expect(!error.description.contains("hr_live_secret_123"))
        let custom = HandoffRailError(kind: .connection, reason: "failed GET /events?api_key=hr_live_secret_123 with key hr_other_key")
        #expect(!custom.description.contains("hr_live_secret_123"))
        #expect(!custom.description.contains("hr_other_key"))
        #expect(custom.description.contains("[redacted]"))
    }

    @Test("a client prints and dumps without its API key")
    func clientDoesNotLeak() {
        let client = HandoffRailClient(baseURL: URL(string: "http://127.0.0.1:9")!, apiKey: "hr_very_secret_key_42")
        #expect(!client.description.contains("hr_very_secret_key_42"))
        var dumped = ""
        dump(client, to: &dumped)
        #expect(!dumped.contains("very_secret"))
        var dumpedAPI = ""
        dump(client.api, to: &dumpedAPI)
        #expect(!dumpedAPI.contains("very_secret"))
    }

    @Test("an undecodable success body is invalidResponse")
    func undecodableSuccess() throws {
        let response = Self.response(200, "not json")
        #expect(throws: HandoffRailError.self) { try response.decodeJSON(Packet.self) }
        do {
            _ = try response.decodeJSON(Packet.self)
        } catch let error as HandoffRailError {
            #expect(error.kind == .invalidResponse)
            #expect(error.statusCode == 200)
        }
    }
}
