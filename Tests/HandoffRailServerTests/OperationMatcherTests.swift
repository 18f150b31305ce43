import HandoffRailModels
@testable import HandoffRailServer
import Testing

@Suite("Operation matcher")
struct OperationMatcherTests {
    let matcher = OperationMatcher()

    @Test(
        "finds the operation of a method and path",
        arguments: [
            ("GET", "/api/v1/packets", "listPackets"),
            ("POST", "/api/v1/packets", "createPacket"),
            ("GET", "/api/v1/packets/awaiting", "listAwaitingPackets"),
            ("GET", "/api/v1/packets/search", "searchPackets"),
            ("GET", "/api/v1/packets/6f1c2a9e-0000-4000-8000-000000000001", "getPacket"),
            ("POST", "/api/v1/packets/batch/claim", "batchClaimPackets"),
            ("POST", "/api/v1/packets/abc/claim", "claimPacket"),
            ("POST", "/api/v1/hooks/dlq/retry-all", "retryAllDeadLetters"),
            ("POST", "/api/v1/hooks/dlq/d1/replay", "replayDeadLetter"),
            ("GET", "/api/v1/tenants/acme/keys", "listTenantApiKeys"),
            ("GET", "/events", "streamEvents"),
            ("GET", "/api/v1/events", "streamEvents"),
            ("GET", "/api/v1/ws", "openWebSocket"),
            ("GET", "/health", "getHealth"),
        ])
    func matches(method: String, path: String, operationID: String) {
        #expect(matcher.match(method: method, path: path)?.id == operationID)
    }

    @Test("literal segments win over parameters whatever the declaration order")
    func literalWins() {
        let parameter = OperationDescriptor(id: "byID", method: "GET", path: "/x/{id}", requiredRole: "reader", requiresAuthentication: true, transport: nil)
        let literal = OperationDescriptor(id: "special", method: "GET", path: "/x/special", requiredRole: "admin", requiresAuthentication: true, transport: nil)
        let matcher = OperationMatcher(operations: [parameter, literal])
        #expect(matcher.match(method: "GET", path: "/x/special")?.id == "special")
        #expect(matcher.match(method: "GET", path: "/x/other")?.id == "byID")
    }

    @Test("unknown paths and methods match nothing")
    func unknown() {
        #expect(matcher.match(method: "GET", path: "/api/v1/nothing") == nil)
        #expect(matcher.match(method: "PUT", path: "/api/v1/packets") == nil)
        #expect(matcher.match(method: "GET", path: "/api/v1/packets/a/b/c/d") == nil)
        #expect(matcher.match(method: "GET", path: "/") == nil)
    }
}
