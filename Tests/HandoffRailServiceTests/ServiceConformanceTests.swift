import HandoffRailModels
import HandoffRailService
import Testing

/// The service conforms to the generated API; until the server issue it answers 501.
@Suite("Service conformance")
struct ServiceConformanceTests {
    @Test("operations report that they are not implemented, as a 501 the server can map")
    func notImplemented() async throws {
        let service: any HandoffRailAPI = HandoffRailService()
        let caller = APICaller(tenantID: "default", keyID: "k", role: .admin, tier: .business)
        let error = await #expect(throws: ServiceError.self) {
            _ = try await service.getStats(.init(), caller: caller)
        }
        #expect(error == .notImplemented(operationID: "getStats"))
        #expect(error?.statusCode == 501)
    }
}
