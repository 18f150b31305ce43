import Foundation
import HandoffRailModels
@testable import HandoffRailClient

/// Frames and options shared by the event stream tests.
enum EventTestSupport {
    /// Reconnects within milliseconds so tests do not wait on backoff; the idle timeout stays
    /// generous for a loaded machine.
    static let fastOptions = EventStreamOptions(
        initialReconnectDelay: .milliseconds(20),
        maxReconnectDelay: .milliseconds(200),
        idleTimeout: 30)

    /// The server's first frame.
    static func connectedFrame(_ channels: [String] = []) -> String {
        let list = channels.map { "\"\($0)\"" }.joined(separator: ",")
        return "event: connected\ndata: {\"type\":\"connected\",\"subscriptions\":[\(list)]}\n\n"
    }

    /// An event frame with SSE id `id`.
    static func eventFrame(id: Int, type: EventType, packetID: UUID, status: String = "created") -> String {
        let json = #"{"type":"\#(type.rawValue)","packet_id":"\#(packetID.uuidString.lowercased())","data":{"status":"\#(status)"},"timestamp":"2026-11-22T08:00:00Z"}"#
        return "id: \(id)\nevent: \(type.rawValue)\ndata: \(json)\n\n"
    }

    /// Runs `operation`, failing when it takes longer than `seconds` (generous: only a hang fails).
    static func withTimeout<Value: Sendable>(
        _ what: String,
        seconds: Double = 30,
        _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        try await withThrowingTaskGroup(of: Value.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                throw SSETestServerFailure("timed out after \(seconds) s waiting for \(what)")
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}

extension EventTestSupport {
    /// Polls `value` every 20 ms until it returns non-nil; fails after `seconds` (generous:
    /// only a hang fails). Polling, unlike a continuation, stops when the wait is abandoned.
    static func eventually<Value: Sendable>(
        _ what: String,
        seconds: Double = 30,
        _ value: @escaping @Sendable () async -> Value?
    ) async throws -> Value {
        try await withTimeout(what, seconds: seconds) {
            while true {
                if let found = await value() { return found }
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }
}

extension EventStreamOptions {
    /// A copy changed by `change`, so tests can keep options in `let`s their closures capture.
    func with(_ change: (inout EventStreamOptions) -> Void) -> EventStreamOptions {
        var copy = self
        change(&copy)
        return copy
    }
}
