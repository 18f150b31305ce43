import AsyncHTTPClient
import Foundation
import NIOCore

/// Many clients claiming one packet at once, each on its own connection.
enum ConcurrentClaimers {
    /// Sends `claimers` claims concurrently and returns their HTTP statuses.
    static func claim(packetID: String, port: Int, apiKey: String, claimers: Int) async throws -> [Int] {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: claimers)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<claimers {
                    group.addTask {
                        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/packets/\(packetID)/claim")
                        request.method = .POST
                        request.headers.add(name: "X-API-Key", value: apiKey)
                        request.headers.add(name: "Content-Type", value: "application/json")
                        request.body = .bytes(ByteBuffer(string: #"{"agent_id":"claimer-\#(index)","agent_name":"Claimer \#(index)"}"#))
                        let response = try await client.execute(request, timeout: .seconds(60))
                        _ = try await response.body.collect(upTo: 1 << 20)
                        return Int(response.status.code)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            try await client.shutdown()
            return statuses
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}
