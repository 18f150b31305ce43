import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HandoffRailModels

/// Plain JSON calls to a running server with its admin key (no SDK: the crash test checks
/// the server, not the client).
struct AdminAPI: Sendable {
    let baseURL: URL
    let adminKey: String

    /// Sends `method path` with an optional JSON body; returns the status and the decoded body.
    func call(_ method: String, _ path: String, body: JSONValue? = nil) async throws -> (status: Int, json: JSONValue?) {
        guard let url = URL(string: baseURL.absoluteString + "/api/v1/" + path) else {
            throw CrashTestFailure("bad path \(path)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue(adminKey, forHTTPHeaderField: "X-API-Key")
        request.timeoutInterval = 60
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try HandoffRailJSON.encode(body)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return (status, data.isEmpty ? nil : try? HandoffRailJSON.decode(JSONValue.self, from: data))
    }

    /// `call`, requiring `expected` as the status.
    func require(_ expected: Int, _ method: String, _ path: String, body: JSONValue? = nil) async throws -> JSONValue {
        let (status, json) = try await call(method, path, body: body)
        guard status == expected, let json else {
            throw CrashTestFailure("\(method) \(path) answered \(status), expected \(expected)")
        }
        return json
    }
}
