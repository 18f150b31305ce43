import Foundation
import HandoffRailClient
import HandoffRailServer
import HandoffRailTestSupport

/// A transport that fails like a broken network: the first `dropsBeforeSending` attempts
/// never reach the server; the next `dropsAfterSending` reach it but lose the answer.
actor DroppingTransport: HandoffRailTransport {
    let base: any HandoffRailTransport
    private var dropsBeforeSending: Int
    private var dropsAfterSending: Int
    private(set) var attempts = 0

    init(base: any HandoffRailTransport, dropsBeforeSending: Int = 0, dropsAfterSending: Int = 0) {
        self.base = base
        self.dropsBeforeSending = dropsBeforeSending
        self.dropsAfterSending = dropsAfterSending
    }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        attempts += 1
        if dropsBeforeSending > 0 {
            dropsBeforeSending -= 1
            throw URLError(.cannotConnectToHost)
        }
        let response = try await base.send(request)
        if dropsAfterSending > 0 {
            dropsAfterSending -= 1
            throw URLError(.networkConnectionLost)
        }
        return response
    }
}

enum InProcessTransportFactory {
    static func make(_ server: ClientTestServer) -> InProcessTransport {
        InProcessTransport(responder: server.responder)
    }
}
