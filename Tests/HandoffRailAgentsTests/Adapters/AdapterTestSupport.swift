import Foundation
import HandoffRailAgents
import HandoffRailClient
import HandoffRailModels
import Testing

/// Helpers shared by the adapter suites.
enum AdapterTestSupport {
    /// An identity of `framework` with a test-unique id (several suites share one server).
    static func identity(_ name: String, _ framework: AgentFramework, tag: String = UUID().uuidString.prefix(8).lowercased()) -> AgentIdentity {
        AgentIdentity(id: "\(name)-\(tag)", name: name, framework: framework)
    }

    /// The target info of an adapter's identity, as a sender names it.
    static func target(_ identity: AgentIdentity) -> TargetAgentInfo {
        TargetAgentInfo(id: identity.id, name: identity.name, framework: identity.framework?.rawValue)
    }

    /// Reads `stream` in a child task while `body` runs, and returns `body`'s result with the
    /// first `count` packets the stream yields. The suites carry a time limit, so a stream
    /// that never yields fails the test instead of hanging.
    static func collect<Value: Sendable>(
        _ count: Int, from stream: HandoffStream, while body: @Sendable () async throws -> Value
    ) async throws -> (value: Value, packets: [Packet]) {
        try await withThrowingTaskGroup(of: [Packet].self) { group in
            group.addTask {
                var received: [Packet] = []
                for try await packet in stream {
                    received.append(packet)
                    if received.count == count { break }
                }
                return received
            }
            let value = try await body()
            let packets = try await group.next() ?? []
            return (value, packets)
        }
    }

    /// The conversation as a turn list's contents, the form compared across frameworks.
    static func contents(_ turns: [ContextEntry]) -> [String] {
        turns.map(\.content)
    }
}
