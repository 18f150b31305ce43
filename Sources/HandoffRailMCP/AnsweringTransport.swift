import Foundation
import HandoffRailModels
import Logging
import MCP

/// A transport wrapper that answers every request it received before it reports the end of
/// the input.
///
/// The SDK's server handles each request in a task of its own and stops reading when the
/// input ends; a client that writes its requests and closes stdin at once
/// (`printf '…' | handoffrail mcp`) would lose the answers still being computed. This wrapper
/// holds the end of the input back until every request id it passed on has been answered
/// through ``send(_:)`` (or `drainLimit` has passed, so a stuck call cannot keep the process
/// alive), then ends the stream.
///
/// ```swift
/// try await server.start(transport: AnsweringTransport(wrapping: StdioTransport(), logger: logger))
/// ```
package actor AnsweringTransport: Transport {
    private let inner: any Transport
    private let drainLimit: Duration
    private var upstream: AsyncThrowingStream<Data, any Error>.AsyncIterator?
    private var unanswered: Set<JSONValue> = []

    /// Where the wrapper logs (the wrapped transport keeps its own logger).
    package nonisolated let logger: Logger

    /// Wraps `inner`; after its input ends, waits at most `drainLimit` for open requests.
    package init(wrapping inner: any Transport, logger: Logger, drainLimit: Duration = .seconds(120)) {
        self.inner = inner
        self.drainLimit = drainLimit
        self.logger = logger
    }

    package func connect() async throws {
        try await inner.connect()
    }

    package func disconnect() async {
        await inner.disconnect()
    }

    package func send(_ data: Data) async throws {
        try await inner.send(data)
        for id in Self.answeredIDs(in: data) { unanswered.remove(id) }
    }

    package func receive() -> AsyncThrowingStream<Data, any Error> {
        AsyncThrowingStream(unfolding: { try await self.nextMessage() })
    }

    /// The next message from the wrapped transport, recording request ids; at its end, `nil`
    /// once no request is open (or the drain limit passed).
    private func nextMessage() async throws -> Data? {
        var iterator = if let upstream { upstream } else { await inner.receive().makeAsyncIterator() }
        let next = try await iterator.next(isolation: self)
        upstream = iterator
        if let data = next {
            unanswered.formUnion(Self.requestIDs(in: data))
            for id in Self.cancelledIDs(in: data) { unanswered.remove(id) }
            return data
        }
        let deadline = ContinuousClock.now + drainLimit
        while !unanswered.isEmpty, ContinuousClock.now < deadline, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if !unanswered.isEmpty {
            logger.warning("input ended with unanswered requests", metadata: ["count": "\(unanswered.count)"])
        }
        return nil
    }

    /// Ids of the requests (messages with `method` and `id`) in a message or batch.
    static func requestIDs(in data: Data) -> [JSONValue] {
        messages(in: data).compactMap { message in
            message["method"] != nil ? message["id"] : nil
        }
    }

    /// Ids of the requests a `notifications/cancelled` withdraws (the server does not answer them).
    static func cancelledIDs(in data: Data) -> [JSONValue] {
        messages(in: data).compactMap { message in
            message["method"] == "notifications/cancelled" ? message["params"]?["requestId"] : nil
        }
    }

    /// Ids of the responses (messages with `id` and `result` or `error`) in a message or batch.
    static func answeredIDs(in data: Data) -> [JSONValue] {
        messages(in: data).compactMap { message in
            message["method"] == nil && (message["result"] != nil || message["error"] != nil) ? message["id"] : nil
        }
    }

    private static func messages(in data: Data) -> [JSONValue] {
        guard let json = try? JSONValue(parsing: data) else { return [] }
        if case .array(let batch) = json { return batch }
        return [json]
    }
}
