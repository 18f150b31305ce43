import Foundation
import HandoffRailClient
import HandoffRailTestSupport

/// A fresh server on a real socket for the rules' HTTP tests, with a client holding the
/// bootstrap admin key (rules are written by admins) and one holding an `agent`-role key (the
/// claims the rules act on).
enum RulesLiveServer {
    static func run(_ body: @Sendable (_ url: URL, _ admin: HandoffRailClient, _ agent: HandoffRailClient) async throws -> Void) async throws {
        let server = try await ClientTestServer.make()
        let agentKey = try await server.makeKey(role: .agent)
        try await server.withLiveServer { url in
            try await body(url, HandoffRailClient(baseURL: url, apiKey: ClientTestServer.adminKey), HandoffRailClient(baseURL: url, apiKey: agentKey))
        }
    }
}
